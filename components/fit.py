"""Which treatments fit a person's situation now, later, or not typically, and why.

One rule chain (fit_one), driven only by each treatment's data columns in treatments.csv and
the guideline stances in evidence.csv that apply to this person's body region and stage.
There is no per-treatment code here, by design: a clinic changes the advice by editing data.
docs/SAFETY.md lists the hazards each rule controls and the tests that prove it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from components.data import Content, split_list
from components.i18n import N_, _, current_translations
from components.situation import Situation, lower_first
from components.triage import SOON_MEANWHILE, Assessment, assess, base_tiers
from components.vocabulary import (
    CAUTION_DECISIONS,
    DURATION_WEEKS,
    DURATIONS,
    FINDINGS_FOR_YOU,
    FITS,
    HISTORY,
    NERVE_SYMPTOMS,
    PERSONAL,
    PERSONAL_COLUMNS,
    REGIONS,
    SEVERITIES,
    SEVERITY_WORDS,
    STANCES,
    TRIED,
    duration_span,
)

# A person who has not said how long suggests nothing; assume the earliest stage, which
# keeps invasive options out of "fits now" (safe by default).
DEFAULT_DURATION = "acute"


def overall_stance(stances: Iterable[str]) -> str:
    """All sources' stances in one word.

    Advised against by someone and recommended or considered by someone else -> disagree;
    advised against and at most allowed in specific cases -> not_recommended.
    """
    given = set(stances)
    if "not_recommended" in given:
        return "disagree" if given & {"recommended", "consider"} else "not_recommended"
    # STANCES is ordered best first and ends with "no_stance", which wins only alone.
    return min(given, key=list(STANCES).index, default="no_stance")


@dataclass(frozen=True)
class Stance:
    """One guideline's view of one treatment, for one body region and (optionally) some durations."""

    source: str  # e.g. "NICE NG59 1.3.7"
    stance: str
    region: str
    durations: tuple[str, ...]  # empty: any duration
    for_symptoms: tuple[str, ...]  # empty: any symptom (e.g. a "do not offer" for sciatica only)
    only_alongside: str  # a treatment id this is only advised together with, or ""
    # People the guideline left out: NICE's "do not offer fusion" is for non-specific back pain, not for a
    # diagnosed slip or scoliosis (the NICE exclusions as NHS EBI lists them).
    not_for_history: tuple[str, ...] = ()

    def covers(self, regions: frozenset[str], symptoms: tuple[str, ...], history: tuple[str, ...] = ()) -> bool:
        """For this body region, these symptoms and this history, at some stage."""
        return (
            self.region in regions
            and (not self.for_symptoms or not symptoms or bool(set(self.for_symptoms) & set(symptoms)))
            and not set(self.not_for_history) & set(history)
        )

    def applies(self, regions: frozenset[str], duration: str, symptoms: tuple[str, ...], history: tuple[str, ...] = ()) -> bool:
        """For this body region, these symptoms and this history, at this stage."""
        return self.covers(regions, symptoms, history) and (not self.durations or duration in self.durations)


def scope_words(region: str, durations: str) -> str:
    """What an evidence.csv row covers, in words: 'for the lower back and legs, pain lasting more than 12 weeks'."""
    if durations:
        return _("for {region}, pain lasting {span}").format(region=_(REGIONS[region]), span=duration_span(split_list(durations)))
    return _("for {region}").format(region=_(REGIONS[region]))


def stances_by_treatment(evidence: pd.DataFrame, sources: pd.DataFrame) -> dict[str, tuple[Stance, ...]]:
    """Every stance row, grouped by treatment: content only, so it is worked out once."""
    names = dict(zip(sources["id"], sources["short_name"], strict=True))
    grouped: dict[str, list[Stance]] = {}
    for row in evidence.to_dict("records"):
        cite = f"{names[row['source_id']]} {row['rec']}".strip()
        grouped.setdefault(row["treatment_id"], []).append(
            Stance(
                cite,
                row["stance"],
                row["region"],
                tuple(split_list(row["durations"])),
                tuple(split_list(row["for_symptoms"])),
                row["only_alongside"],
                tuple(split_list(row["not_for_history"])),
            )
        )
    return {treatment: tuple(rows) for treatment, rows in grouped.items()}


def _cited(stances: Iterable[Stance], *wanted: str) -> str:
    """The guidelines that take one of the wanted stances, each once, in file order."""
    return ", ".join(dict.fromkeys(s.source for s in stances if s.stance in wanted))


def _stance_columns(stances: tuple[Stance, ...]) -> dict[str, str]:
    """The stance columns of a treatment for one set of applying stances, in the run's language."""
    return _stance_columns_in(stances, current_translations())


@lru_cache(maxsize=1024)
def _stance_columns_in(stances: tuple[Stance, ...], catalogue: object) -> dict[str, str]:
    """Cached: the same few sets recur across every situation. The run's catalogue is in the key
    because the words are (a corrected catalogue is a new object). The dict is shared, so callers
    only read it."""
    return {
        "overall_stance": overall_stance(s.stance for s in stances),
        "guideline_stances": "; ".join(f"{s.source}: {_(STANCES[s.stance])}" for s in stances)
        or _("no guideline covers it here"),
        "sources_for": _cited(stances, "recommended", "consider"),
        "sources_against": _cited(stances, "not_recommended"),
        "sources_specific": _cited(stances, "specific_cases"),
    }


def stance_scope(situation: Situation) -> tuple[frozenset[str], str]:
    """The body regions and duration whose guideline stances apply to this person. Without a region
    (no symptoms yet, or numbness with no place), every region's stances are shown."""
    return situation.regions or frozenset(REGIONS), situation.duration or DEFAULT_DURATION


def stance_table(evidence: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Per treatment, the stance columns over every stance whatever the region or stage."""
    return pd.DataFrame(
        [
            {"treatment_id": treatment, **_stance_columns(rows)}
            for treatment, rows in stances_by_treatment(evidence, sources).items()
        ]
    )


@dataclass(frozen=True)
class Fit:
    fit: str
    reason: str


@dataclass(frozen=True)
class Caution:
    """cautions.csv's decision for one treatment and one personal factor (a health condition or an age band)."""

    factor: str
    decision: str  # "avoid" or "caution" ("none" is not kept)
    reason: str


def cautions_by_treatment(cautions: pd.DataFrame) -> dict[str, tuple[Caution, ...]]:
    """Each treatment's avoid and caution decisions, in the order of the personal factors (content only)."""
    grouped: dict[str, list[Caution]] = {}
    order = list(PERSONAL)
    for row in sorted(cautions.to_dict("records"), key=lambda r: order.index(r["factor"])):
        if row["decision"] != "none":
            grouped.setdefault(row["treatment_id"], []).append(Caution(row["factor"], row["decision"], row["reason"]))
    return {treatment: tuple(rows) for treatment, rows in grouped.items()}


# How each decision reads in a cell of the table on Sources & method: a symbol and a word, so colour is no cue.
CAUTION_CELLS: dict[str, str] = {"avoid": N_("✖ avoid"), "caution": N_("⚠ ask first"), "none": "·"}


def caution_matrix(cautions: pd.DataFrame, treatment_names: Mapping[str, str]) -> pd.DataFrame:
    """cautions.csv as a person reads it (Sources & method): a row per treatment in alphabetical order, a
    column per health condition and age band, each cell a mark and the decision in words."""
    words = {decision: _(cell) if cell != "·" else cell for decision, cell in CAUTION_CELLS.items()}
    decided = {(r["treatment_id"], r["factor"]): r["decision"] for r in cautions.to_dict("records")}
    rows = [
        {_("Treatment"): name, **{_(PERSONAL_COLUMNS[f]): words[decided[(treatment, f)]] for f in PERSONAL}}
        for treatment, name in treatment_names.items()
    ]
    return pd.DataFrame(rows)


def caution_reasons(cautions: pd.DataFrame, treatment_names: Mapping[str, str], sources: pd.DataFrame) -> list[str]:
    """Every avoid and caution with its reason and sources, one line each, by treatment (Sources & method)."""
    names = dict(zip(sources["id"], sources["short_name"], strict=True))
    order = list(PERSONAL)
    lines = []
    for treatment, name in treatment_names.items():
        mine = cautions[(cautions["treatment_id"] == treatment) & (cautions["decision"] != "none")].to_dict("records")
        for row in sorted(mine, key=lambda r: order.index(r["factor"])):
            cited = ", ".join(names[s] for s in split_list(row["source"]))
            lines.append(
                _("{treatment} | {factor}: {decision}. {reason} ({sources})").format(
                    treatment=name,
                    factor=_(PERSONAL_COLUMNS[row["factor"]]),
                    decision=_(CAUTION_DECISIONS[row["decision"]]),
                    reason=row["reason"],
                    sources=cited,
                )
            )
    return lines


def _other_stage(stance: Stance) -> str:
    """A guideline that supports an option only at another stage than the person's, in one phrase that says
    so (a bare "only for pain lasting more than 12 weeks" read as "not for me" to a person with new pain:
    ux walkthrough H4). A stance for new pain only is said as the guideline says it ("acute"), not as a
    number of weeks it does not set (NICE NG59 1.3.2)."""
    if stance.durations == ("acute",):
        return _("{source} is about new (acute) pain, another stage than yours").format(source=stance.source)
    return _("{source} is about pain lasting {span}, another stage than yours").format(
        source=stance.source, span=duration_span(stance.durations)
    )


def _why(cautions: Iterable[Caution]) -> str:
    """The cautions' reasons, each once, as sentences."""
    return " ".join(dict.fromkeys(c.reason.strip() for c in cautions if c.reason.strip()))


def _labels(ids: Iterable[str], labels: Mapping[str, str], joiner: str = N_("or")) -> str:
    """Labels joined as a person would list them, in the run's language ("a, b or c"). The labels are
    either content (already in the language) or marked vocabulary, translated here."""
    words = [lower_first(_(labels.get(i, i))) for i in ids]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + f" {_(joiner)} " + words[-1]


def _in_order(regions: Iterable[str]) -> list[str]:
    """Regions in the vocabulary's order: a set's order changes from one process to the next."""
    wanted = set(regions)
    return [region for region in REGIONS if region in wanted]


def _cite(row: Mapping[str, object]) -> str:
    return f" ({row['criteria_source']})" if row["criteria_source"] else ""


def _severity_gates(row: Mapping[str, object]) -> dict[str, str]:
    """`walking_pain:moderate` pairs: a symptom that needs more than the row's min_severity."""
    return dict(item.split(":", 1) for item in split_list(row["min_severity_for"]))


def _views(stances: tuple[Stance, ...]) -> str:
    """Who supports it, in plain words: 'ACP 2017 rec 1 recommends it; NICE NG59 says to consider it'."""
    recommended, considered = _cited(stances, "recommended"), _cited(stances, "consider")
    specific = _cited(stances, "specific_cases")
    several = ", "
    views = [
        (_("{sources} recommend it") if several in recommended else _("{sources} recommends it")).format(sources=recommended)
        if recommended
        else "",
        (_("{sources} say to consider it") if several in considered else _("{sources} says to consider it")).format(
            sources=considered
        )
        if considered
        else "",
        _("{sources}: only in specific cases").format(sources=specific) if specific else "",
    ]
    return "; ".join(v for v in views if v)


def _base_fit(
    situation: Situation,
    row: Mapping[str, object],
    stances: tuple[Stance, ...],
    later_stances: tuple[Stance, ...],
    symptom_labels: Mapping[str, str],
    names: Mapping[str, str],
    cautioned: bool,
    avoid: tuple[Caution, ...] = (),
) -> Fit:
    """The fit before warning signs and cautions: the rule chain, first rule that holds wins.
    `stances` apply to the person's region, stage and symptoms; `later_stances` to the stage the
    option is meant for (told when it is too early for it). `cautioned`: the reason will start with
    "Ask your doctor first, because of ...", so it is not said again here. `avoid`: the person's health
    conditions or age with which cautions.csv says the option is usually avoided."""
    ask = "" if cautioned else _(": ask your doctor first")
    columns = _stance_columns(stances)
    stance = columns["overall_stance"]
    self_care = row["self_care"] == "yes"
    regions = set(split_list(row["regions"]))
    region_words = _labels(_in_order(regions), REGIONS, N_("and"))

    # 1. A guideline's "do not offer" for this region and stage, with nobody for it.
    if stance == "not_recommended":
        return Fit("not typical", _("Guidelines advise against it ({sources}).").format(sources=columns["sources_against"]))

    # 2. Too little to go on: nothing invasive, no medicine, without symptoms.
    if not situation.symptoms and not self_care:
        return Fit("not typical", _("Pick your symptoms in the sidebar first: until then only self-care can be suggested."))

    # 3. Body region: a treatment only counts for symptoms in the regions it treats.
    if situation.symptoms and not situation.regions & regions and not (regions >= set(REGIONS)):
        if situation.nerve_place_unknown and not situation.regions:
            return Fit("not typical", _("Say in the sidebar whether the numbness or weakness is in a leg or an arm."))
        # Here the treatment's regions miss the person's: for neck-only symptoms it has no neck.
        procedure = row["invasiveness"] >= 3 and situation.regions == {"neck"}
        neck_only = " " + _("No guideline this app uses covers neck injections or neck surgery: ask a spine specialist.")
        return Fit(
            "not typical",
            _("It is listed here for {regions} only, and your symptoms are not there.").format(regions=region_words)
            + (neck_only if procedure else ""),
        )
    targets = split_list(row["symptoms"])
    matching = [
        s for s in situation.symptoms if s in targets and (situation.symptom_regions(s) & regions or regions >= set(REGIONS))
    ]
    if situation.symptoms and not matching:
        for_nerves = set(targets) & set(NERVE_SYMPTOMS)
        if situation.nerve_place_unknown and for_nerves:
            reason = _(
                "It is used for {symptoms}, which you have not picked (say in the sidebar whether it is in a leg or an arm)."
            )
        else:
            reason = _("It is used for {symptoms}, which you have not picked.")
        return Fit("not typical", reason.format(symptoms=_labels(targets, symptom_labels)))

    # 4. Guideline exclusions (e.g. no epidural for leg pain on walking from a narrowed canal).
    excluded = [s for s in situation.symptoms if s in split_list(row["excludes_symptoms"])]
    if excluded:
        return Fit(
            "not typical",
            _("It is not used for {symptoms}{cited}.").format(
                symptoms=_labels(excluded, symptom_labels, N_("and")), cited=_cite(row)
            ),
        )

    needed_history = split_list(row["needs_history"])
    if needed_history and not set(needed_history) & set(situation.history):
        return Fit(
            "not typical",
            _("It is only for people with {history}, which you have not ticked.").format(
                history=_labels(needed_history, HISTORY)
            ),
        )

    # 5. No pain and no limits: nothing beyond self-care is needed now; no painkiller without pain.
    if situation.pain == 0 and not self_care:
        if situation.function is None:
            return Fit(
                "not typical",
                _(
                    "Say in the sidebar how bad the pain is and how it affects daily life: until then only self-care is suggested."
                ),
            )
        if situation.function == "none":
            check = " " + _("New numbness or weakness is still for a doctor to check.") if situation.nerve_symptoms else ""
            return Fit(
                "not typical",
                _("With no pain and daily life not affected, nothing beyond self-care and staying active is needed now.") + check,
            )
        # A medicine or an injection treats pain; an operation can treat weakness (rule 7's motor route).
        if row["uses_medicines"] == "yes" and row["invasiveness"] <= 3:
            return Fit("not typical", _("With no pain now, a pain medicine or injection is not needed."))

    # 6. What the person told us about their health (cautions.csv): an "avoid" is never a fit.
    if avoid:
        return Fit(
            "not typical",
            _("It is usually avoided with {conditions}. {why} Ask your doctor about other options.").format(
                conditions=_labels([c.factor for c in avoid], PERSONAL, N_("and")), why=_why(avoid)
            ),
        )

    # 7. Severity and pain thresholds from the guideline's own criteria.
    gates = _severity_gates(row)
    rank = SEVERITIES.index
    allowed = [s for s in matching if rank(situation.severity) >= rank(gates.get(s, row["min_severity"]))]
    if (matching and not allowed) or (not matching and rank(situation.severity) < rank(row["min_severity"])):
        needed = min((gates.get(s, row["min_severity"]) for s in matching), key=rank, default=row["min_severity"])
        return Fit(
            "not typical",
            _("It is kept for {needed} pain or loss of daily function{cited}; yours sounds {severity}.").format(
                needed=_(SEVERITY_WORDS[needed]), cited=_cite(row), severity=_(SEVERITY_WORDS[situation.severity])
            ),
        )
    if situation.pain < row["min_pain"]:
        return Fit(
            "not typical",
            _("It is for pain of {needed} or more out of 10{cited}; yours is {pain}.").format(
                needed=row["min_pain"], cited=_cite(row), pain=situation.pain
            ),
        )

    # 8. Stage: too late for it, or not yet (and what guidelines say of it then).
    durations = split_list(row["durations"])
    duration = situation.duration or DEFAULT_DURATION
    order = list(DURATIONS)
    if duration not in durations:
        if order.index(duration) > max(order.index(d) for d in durations):
            return Fit(
                "not typical",
                _("It is meant for pain lasting {span}{cited}; yours has lasted {duration}.").format(
                    span=duration_span(durations), cited=_cite(row), duration=_(DURATIONS[duration]).lower()
                ),
            )
        start = min(DURATION_WEEKS[d][0] for d in durations)
        when = _("{count} months").format(count=start // 4) if start >= 26 else _("{count} weeks").format(count=start)
        later = _stance_columns(tuple(s for s in later_stances if not s.durations or durations[0] in s.durations))
        if later["overall_stance"] == "not_recommended":
            return Fit(
                "not typical",
                _("It is not used now, and guidelines advise against it later on ({sources}).").format(
                    sources=later["sources_against"]
                ),
            )
        if later["overall_stance"] == "disagree":
            return Fit(
                "later step",
                _(
                    "It is only considered once pain has lasted {when} or more, and even then guidelines disagree "
                    "({sources_for} for it; {sources_against} against)."
                ).format(when=when, sources_for=later["sources_for"], sources_against=later["sources_against"]),
            )
        return Fit(
            "later step",
            _("It is usually considered only once pain has lasted {when} or more{cited}.").format(when=when, cited=_cite(row)),
        )

    # 9. What usually comes first, and what a specialist must have found.
    missing = [t for t in split_list(row["after_tried"]) if t not in situation.tried]
    if missing:
        return Fit(
            "later step",
            _("It usually comes after you have tried {tried} without enough help.").format(
                tried=_labels(missing, TRIED, N_("and"))
            ),
        )
    # findings_from: the findings are needed only from that stage on (an epidural for new, severe sciatica
    # needs no scan first; after 4 weeks it needs one that matches).
    needed_now = not row["findings_from"] or order.index(duration) >= order.index(row["findings_from"])
    not_found = [f for f in split_list(row["needs_findings"]) if f not in situation.findings] if needed_now else []
    if not_found:
        return Fit(
            "later step",
            _("It comes only after {findings}{cited}.").format(
                findings=_labels(not_found, FINDINGS_FOR_YOU, N_("and")), cited=_cite(row)
            ),
        )

    # 10. No guideline we use covers it here: a medicine, needle or hands-on thrust is then not a first choice
    #     (the safer fit when the evidence is unclear); gentler care may still fit, with "ask your doctor first".
    where = _labels(_in_order(situation.regions & regions or regions), REGIONS, N_("and"))
    if stance == "no_stance" and row["invasiveness"] >= 2:
        return Fit(
            "later step",
            _("No guideline we use gives a view on it for {where}, so it is not a first choice{ask}.").format(
                where=where, ask=ask
            ),
        )

    # 11. Guidelines that disagree: never shown as a first choice.
    if stance == "disagree":
        return Fit(
            "later step",
            _(
                "Guidelines disagree ({sources_for} for it; {sources_against} against), "
                "so it is not a first choice: talk it over with your doctor."
            ).format(sources_for=columns["sources_for"], sources_against=columns["sources_against"]),
        )

    # Name only the symptoms a supporting guideline covers: NICE's "consider" for back pain says nothing
    # of the sciatica beside it.
    supporting = [st for st in stances if st.stance in ("recommended", "consider", "specific_cases")]
    covered = [s for s in matching if any(not st.for_symptoms or s in st.for_symptoms for st in supporting)] or matching
    suits = (
        _("It fits {symptoms} at your stage").format(symptoms=_labels(covered, symptom_labels, N_("and")))
        if covered
        else _("It fits your stage")
    )
    # Conditions the guidelines attach, in one last sentence: NICE's "only alongside exercise", and a
    # guideline that supports it only at another stage (NICE: epidurals for new sciatica only).
    here = {s.source for s in stances}
    conditions = [
        _("{source}: only alongside {treatment}").format(
            source=s.source, treatment=names.get(s.only_alongside, s.only_alongside).lower()
        )
        for s in stances
        if s.only_alongside and s.stance in ("recommended", "consider")
    ][:1]
    # A stance for new pain only is said as the guideline says it ("acute"), not as a number of weeks the
    # guideline does not set (NICE NG59 1.3.2: acute and severe sciatica).
    conditions += {
        s.source: _other_stage(s)
        for s in later_stances
        if s.durations and s.source not in here and s.stance in ("recommended", "consider", "specific_cases")
    }.values()
    also = f" {'; '.join(conditions)}." if conditions else ""
    if stance == "specific_cases":
        return Fit(
            "fits now",
            _("{suits}, only in specific cases that a doctor checks ({sources}).").format(
                suits=suits, sources=columns["sources_specific"]
            )
            + also,
        )
    if stance == "no_stance":
        return Fit(
            "fits now",
            _("{suits}, though no guideline we use gives a view on it for {where}{ask}.").format(
                suits=suits, where=where, ask="" if self_care else ask
            )
            + also,
        )
    return Fit("fits now", _("{suits}: {views}.").format(suits=suits, views=_views(stances)) + also)


def fit_one(
    situation: Situation,
    row: Mapping[str, object],
    stances: tuple[Stance, ...],
    later_stances: tuple[Stance, ...],
    assessment: Assessment,
    symptom_labels: Mapping[str, str],
    names: Mapping[str, str],
    cautions: tuple[Caution, ...] = (),
) -> Fit:
    """The fit of one treatment row for one situation: the rule chain, then cautions, then warning signs.
    `cautions`: this treatment's decisions from cautions.csv (cautions_by_treatment)."""
    mine = [c for c in cautions if c.factor in situation.personal]
    avoid = tuple(c for c in mine if c.decision == "avoid")
    caution = [c for c in mine if c.decision == "caution"]
    base = _base_fit(situation, row, stances, later_stances, symptom_labels, names, cautioned=bool(caution), avoid=avoid)
    fit, reason = base.fit, base.reason
    # An operation whose use even the guidelines leave to a spine specialist's judgement case by case (fusion:
    # NHS EBI keeps it for instability or deformity, and trials disagree on adding it to a decompression,
    # Austevoll 2021): at most a later step, whatever else holds.
    if row["specialist_decides"] == "yes" and fit == "fits now":
        supporting = _cited(stances, "recommended", "consider", "specific_cases")
        fit = "later step"
        reason = (
            _(
                "Only a spine specialist can weigh up whether it suits you ({sources}), so it is a later step to talk over with one, not a first choice."
            ).format(sources=supporting)
            if supporting
            else _(
                "Only a spine specialist can weigh up whether it suits you, so it is a later step to talk over with one, not a first choice."
            )
        )
    if caution and fit != "not typical":
        first = _("Ask your doctor first, because of {conditions}.").format(
            conditions=_labels([c.factor for c in caution], PERSONAL, N_("and"))
        )
        # Two cautions together are more than "ask first": never a first choice.
        several = len(caution) >= 2 and fit == "fits now"
        fit = "later step" if several else fit
        more = _("With more than one of these, it is not a first choice.") if several else ""
        reason = " ".join(part for part in (first, _why(caution), more, reason) if part)
    tier = assessment.tier
    # A warning sign that rules the option out (neck manipulation with signs of a torn neck artery or a
    # squeezed spinal cord) makes it not typical, not merely "later".
    ruled_out = [sign for sign in assessment.signs if sign.id in split_list(row["excluded_by_signs"])]
    if ruled_out:
        signs = _labels([sign.label for sign in ruled_out], {}, N_("or"))
        ruled = _("It is not used with {signs}.").format(signs=signs)
        # In an emergency the hold is all that is said; otherwise the option's own reason follows.
        return Fit("not typical", " ".join([base_tiers()[tier].hold, ruled] + ([] if tier == "emergency" else [reason])))
    if tier == "soon" and row["self_care"] == "yes" and fit == "fits now":
        return Fit("fits now", f"{_(SOON_MEANWHILE)} {reason}")
    if tier == "emergency":
        # Red flags always win; in an emergency the option's own merits are beside the point.
        return Fit("not typical" if fit == "not typical" else "later step", base_tiers()[tier].hold)
    if tier is not None:
        # Nothing fits now until the sign is checked.
        return Fit("not typical" if fit == "not typical" else "later step", f"{base_tiers()[tier].hold} {reason}")
    return Fit(fit, reason)


def with_stances(treatments: pd.DataFrame, evidence: pd.DataFrame, sources: pd.DataFrame, cautions: pd.DataFrame) -> pd.DataFrame:
    """Treatments joined with their stance columns over every region and stage, and with the personal
    factors cautions.csv says to avoid it with (`avoid_with`) or to take care with (`caution_with`), as
    ;-separated ids: content only, cached once. fit_for replaces the stance columns with the stances
    that apply to one person."""
    table = treatments.merge(stance_table(evidence, sources), left_on="id", right_on="treatment_id", how="left")
    decided = cautions_by_treatment(cautions)

    def factors(treatment: str, decision: str) -> str:
        return ";".join(c.factor for c in decided.get(treatment, ()) if c.decision == decision)

    table = table.drop(columns="treatment_id")
    return table.assign(
        avoid_with=[factors(t, "avoid") for t in table["id"]], caution_with=[factors(t, "caution") for t in table["id"]]
    )


def fit_for(
    situation: Situation,
    table: pd.DataFrame,
    stances: Mapping[str, tuple[Stance, ...]],
    assessment: Assessment,
    symptom_labels: Mapping[str, str],
    cautions: Mapping[str, tuple[Caution, ...]],
) -> pd.DataFrame:
    """Every treatment with its fit and reason, and the stances that apply to this person, best fit first.
    `cautions`: cautions_by_treatment of the content's cautions.csv."""
    regions, duration = stance_scope(situation)
    rows, fits, columns = table.to_dict("records"), [], []
    names = {row["id"]: row["name"] for row in rows}
    for row in rows:
        own = stances.get(row["id"], ())
        applying = tuple(s for s in own if s.applies(regions, duration, situation.symptoms, situation.history))
        later = tuple(s for s in own if s.covers(regions, situation.symptoms, situation.history))
        fits.append(fit_one(situation, row, applying, later, assessment, symptom_labels, names, cautions.get(row["id"], ())))
        columns.append(_stance_columns(applying))
    scoped = pd.DataFrame(columns, index=table.index)
    fitted = table.assign(**{c: scoped[c] for c in scoped.columns}, fit=[f.fit for f in fits], reason=[f.reason for f in fits])
    fitted["fit_rank"] = fitted["fit"].map(FITS.index)
    # A sort on several columns is always stable in pandas (its `kind` applies to one column only).
    return fitted.sort_values(["fit_rank", "ladder_step", "invasiveness", "name"]).reset_index(drop=True)


# How fit is decided, in plain words, in the order fit_one applies the rules (shown on Sources & method).
FIT_RULES: tuple[str, ...] = (
    N_("Only the guideline views that cover your body region (low back or neck) and how long you have had the pain count."),
    N_(
        "If the guidelines that give a view all advise against an option (or allow it only in rare, specific cases), it is **not typical**."
    ),
    N_("Until you pick your symptoms, only self-care can be suggested."),
    N_(
        "An option counts only for symptoms in the body region it treats: numbness and weakness count where you say they are. "
        "Low back injections and surgery never fit neck or arm problems."
    ),
    N_(
        "If it does not treat any of the symptoms you picked, or a guideline rules it out for one of them, it is **not typical**."
    ),
    N_(
        "If it is only for people with a certain history (for example spinal fusion, for a slipped or unstable spine), and you have not ticked that, it is **not typical**."
    ),
    N_(
        "With no pain, no pain medicine fits; with no pain and daily life not affected (or not said yet), nothing beyond "
        "self-care and staying active is suggested now."
    ),
    N_(
        "If it is usually avoided with a health condition or age you told us about, it is **not typical** "
        "(the table of health conditions and ages below decides each one)."
    ),
    N_(
        "If it is kept for worse pain or loss of daily function than you describe, it is **not typical**: surgery needs at least "
        "moderate symptoms (pain of 4 or more, or daily life limited), except an operation for weakness."
    ),
    N_(
        "If it is meant for pain of a shorter duration than yours, it is **not typical**; if it is usually considered only after longer, it is a **later step**."
    ),
    N_(
        "If it usually comes after other care you have not tried yet, or after a test result you do not have (for an epidural "
        "after the first 4 weeks, a scan that matches your symptoms), it is a **later step**."
    ),
    N_(
        "If no guideline we use gives a view on a medicine, needle or manipulation for your body region, it is a **later step** "
        "to ask your doctor about, never a first choice."
    ),
    N_("If guidelines disagree about it, it is a **later step** to talk over with your doctor, never a first choice."),
    N_(
        "A warning sign always wins: with an emergency sign nothing fits now; with a same-day sign every option waits for a doctor's check today; "
        "with a sign to check within days only self-care fits meanwhile."
    ),
    N_(
        "If it needs care with a health condition or age you told us about, the reason starts with **ask your doctor first** "
        "and says why; with two or more of these, it is a **later step**, never a first choice."
    ),
    N_(
        "An operation whose use the guidelines leave to a spine specialist case by case (spinal fusion) is at most a **later step** "
        "to talk over with one, never a first choice."
    ),
    N_("Otherwise it **fits now**, and the reason names the guidelines for it."),
    N_(
        "If you have not said how long you have had the pain, the app assumes a new episode: surgery and options meant for lasting "
        "pain are then a **later step**, but an epidural injection can still fit new, severe sciatica (NICE)."
    ),
)


def fit_content(situation: Situation, content: Content) -> pd.DataFrame:
    """fit_for with everything worked out from the content (tests, exports and scripts; the app caches the parts)."""
    return fit_for(
        situation,
        with_stances(content.treatments, content.evidence, content.sources, content.cautions),
        stances_by_treatment(content.evidence, content.sources),
        assess(situation, content.red_flags),
        content.symptom_labels,
        cautions_by_treatment(content.cautions),
    )
