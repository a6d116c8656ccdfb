"""A person's situation and its URL form: parse hostile links safely, write clean ones."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from components.i18n import _
from components.vocabulary import (
    AGE_BANDS,
    DURATIONS,
    FINDINGS,
    FUNCTION,
    HEALTH,
    HISTORY,
    LEGACY_IDS,
    NERVE_SYMPTOMS,
    PLACED_SYMPTOMS,
    RED_FLAGS,
    SYMPTOM_REGIONS,
    SYMPTOMS,
    TRIED,
    WHERE,
    WHERE_REGIONS,
)

# Query parameters that describe the situation, in URL order.
SITUATION_KEYS: tuple[str, ...] = (
    "symptoms",
    "where",
    "pain",
    "function",
    "duration",
    "age",
    "tried",
    "findings",
    "history",
    "health",
    "flags",
)
LIST_FIELDS: dict[str, tuple[str, ...]] = {
    "symptoms": SYMPTOMS,
    "where": tuple(WHERE),
    "tried": tuple(TRIED),
    "findings": tuple(FINDINGS),
    "history": tuple(HISTORY),
    "health": tuple(HEALTH),
    "flags": RED_FLAGS,
}
CHOICE_FIELDS: dict[str, tuple[str, ...]] = {
    "function": tuple(FUNCTION),
    "duration": tuple(DURATIONS),
    "age": tuple(AGE_BANDS),
}
# Longer than any valid value (all fifteen warning signs joined are about 210 characters).
MAX_PARAM_LENGTH = 300


@dataclass(frozen=True)
class Situation:
    """What a person told us. Every field uses the ids of components.vocabulary."""

    symptoms: tuple[str, ...] = ()
    where: tuple[str, ...] = ()  # where leg or arm symptoms are felt: one side or both
    pain: int = 0
    function: str | None = None
    duration: str | None = None
    age: str | None = None
    tried: tuple[str, ...] = ()
    findings: tuple[str, ...] = ()
    history: tuple[str, ...] = ()
    health: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return self == Situation()

    @property
    def past_four_weeks(self) -> bool:
        """The person said the pain has lasted 4 weeks or more (no answer counts as a new episode)."""
        return self.duration not in (None, "acute")

    @property
    def nerve_symptoms(self) -> tuple[str, ...]:
        return tuple(s for s in self.symptoms if s in NERVE_SYMPTOMS)

    @property
    def placed_symptoms(self) -> tuple[str, ...]:
        """Symptoms felt in a leg or an arm, whose side the sidebar asks about."""
        return tuple(s for s in self.symptoms if s in PLACED_SYMPTOMS)

    def in_both(self, limbs: str) -> bool:
        """Symptoms in both legs (limbs='legs') or both arms, from `where`."""
        return bool(self.placed_symptoms) and f"both_{limbs}" in self.where

    @property
    def nerve_place_unknown(self) -> bool:
        """Numbness or weakness picked without saying whether it is in a leg or an arm."""
        return bool(self.nerve_symptoms) and not self.where

    @property
    def regions(self) -> frozenset[str]:
        """The body regions the person's symptoms are in (numbness and weakness count where they are)."""
        found = {SYMPTOM_REGIONS[s] for s in self.symptoms if s in SYMPTOM_REGIONS}
        if self.nerve_symptoms:
            found |= {WHERE_REGIONS[w] for w in self.where}
        return frozenset(found)

    @property
    def personal(self) -> frozenset[str]:
        """Health conditions and the age band: what treatments.csv avoid_with / caution_with are matched against."""
        return frozenset((*self.health, *([self.age] if self.age else [])))

    def symptom_regions(self, symptom: str) -> frozenset[str]:
        """The regions one of the person's symptoms is in (none known for numbness without a place)."""
        if symptom in SYMPTOM_REGIONS:
            return frozenset({SYMPTOM_REGIONS[symptom]})
        return frozenset(WHERE_REGIONS[w] for w in self.where)

    @property
    def severity(self) -> str:
        """mild / moderate / severe, from the pain score and daily function, whichever is worse."""
        by_pain = "mild" if self.pain <= 3 else "moderate" if self.pain <= 6 else "severe"
        by_function = {"some": "moderate", "severe": "severe"}.get(self.function or "none", "mild")
        order = ("mild", "moderate", "severe")
        return max(by_pain, by_function, key=order.index)

    def to_query(self) -> dict[str, str]:
        """The situation as query parameters; lists comma-separated, empty fields left out."""
        query: dict[str, str] = {}
        for key in SITUATION_KEYS:
            value = getattr(self, key)
            if key == "pain":
                if value:
                    query[key] = str(value)
            elif isinstance(value, tuple):
                if value:
                    query[key] = ",".join(value)
            elif value:
                query[key] = value
        return query


@dataclass(frozen=True)
class Ignored:
    """One piece of a link we could not use, described safely for display."""

    param: str
    value: str
    why: str


@dataclass(frozen=True)
class Parsed:
    situation: Situation
    ignored: tuple[Ignored, ...] = field(default=())


def _ordered(values: Sequence[str], allowed: tuple[str, ...]) -> tuple[str, ...]:
    """Known values, each once, in vocabulary order (so equal situations have equal URLs)."""
    chosen = set(values)
    return tuple(v for v in allowed if v in chosen)


def safe_snippet(text: str, limit: int = 40) -> str:
    """A short, inert rendering of user text: letters, digits and _ - . , only."""
    cleaned = re.sub(r"[^A-Za-z0-9_\-.,]", "?", text)
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"


def from_query(params: Mapping[str, Sequence[str]]) -> Parsed:
    """Read a situation from query parameters (each key mapped to all its values).

    Anything unusable is dropped and reported; this never raises on bad input.
    """
    values: dict[str, object] = {}
    ignored: list[Ignored] = []
    moved: dict[str, list[str]] = {}  # old ids from a saved link, under the field they belong to now

    def drop(param: str, value: str, why: str) -> None:
        ignored.append(Ignored(safe_snippet(param, 30), safe_snippet(value), why))

    for key, given in params.items():
        if key not in SITUATION_KEYS:
            drop(key, given[-1] if given else "", _("not a setting this app knows"))
            continue
        if len(given) != 1:
            drop(key, given[-1] if given else "", _("given more than once"))
            continue
        raw = given[0].strip()
        if len(raw) > MAX_PARAM_LENGTH:
            drop(key, raw, _("too long"))
            continue
        if key == "pain":
            if re.fullmatch(r"[0-9]{1,2}", raw) and 0 <= int(raw) <= 10:
                values["pain"] = int(raw)
            else:
                drop(key, raw, _("not a whole number from 0 to 10"))
        elif key in CHOICE_FIELDS:
            if raw in CHOICE_FIELDS[key]:
                values[key] = raw
            elif raw:
                drop(key, raw, _("not one of {choices}").format(choices=", ".join(CHOICE_FIELDS[key])))
        else:
            items = [item.strip() for item in raw.split(",") if item.strip()]
            for item in items:
                if (key, item) in LEGACY_IDS:
                    field_now, id_now = LEGACY_IDS[(key, item)]
                    moved.setdefault(field_now, []).append(id_now)
                elif item not in LIST_FIELDS[key]:
                    drop(key, item, _("not a known choice"))
            values[key] = _ordered(items, LIST_FIELDS[key])
    for key, items in moved.items():
        values[key] = _ordered([*values.get(key, ()), *items], LIST_FIELDS[key])  # type: ignore[misc]
    return Parsed(Situation(**values), tuple(ignored))  # type: ignore[arg-type]


def from_choices(pain: object = 0, **choices: object) -> Situation:
    """A situation from widget values (field name -> value), keeping only known ids: a browser can send anything."""
    values: dict[str, object] = {"pain": pain if isinstance(pain, int) and 0 <= pain <= 10 else 0}
    for key, allowed in LIST_FIELDS.items():
        given = choices.get(key) or ()
        values[key] = _ordered([str(v) for v in given] if isinstance(given, list | tuple) else (), allowed)
    for key, allowed in CHOICE_FIELDS.items():
        values[key] = choices.get(key) if choices.get(key) in allowed else None
    return Situation(**values)  # type: ignore[arg-type]


def lower_first(text: str) -> str:
    """A label inside a sentence: only the first letter lowered, so "NSAIDs" and "MRI" keep their capitals."""
    return text[:1].lower() + text[1:]


def describe(situation: Situation, symptom_labels: Mapping[str, str]) -> str:
    """The situation in plain words, one short paragraph."""
    if situation.is_empty:
        return _("You have not described your situation yet.")
    parts: list[str] = []
    if situation.symptoms:
        symptoms = "; ".join(symptom_labels.get(s, s).lower() for s in situation.symptoms)
        parts.append(_("Symptoms: {symptoms}.").format(symptoms=symptoms))
    if situation.nerve_symptoms or (situation.placed_symptoms and situation.where):
        place = "; ".join(_(WHERE[w]).lower() for w in situation.where) if situation.where else _("not said")
        parts.append(_("Felt in: {place}.").format(place=place))
    parts.append(_("Pain: {pain} out of 10.").format(pain=situation.pain))
    if situation.function:
        parts.append(_("Daily life: {function}.").format(function=_(FUNCTION[situation.function]).lower()))
    if situation.duration:
        parts.append(_("For: {duration}.").format(duration=_(DURATIONS[situation.duration]).lower()))
    if situation.age:
        parts.append(_("Age: {age}.").format(age=_(AGE_BANDS[situation.age]).lower()))
    if situation.tried:
        parts.append(_("Tried: {tried}.").format(tried="; ".join(_(TRIED[t]).lower() for t in situation.tried)))
    if situation.findings:
        found = "; ".join(lower_first(_(FINDINGS[f])) for f in situation.findings)
        parts.append(_("Found so far: {findings}.").format(findings=found))
    if situation.history:
        parts.append(_("History: {history}.").format(history="; ".join(_(HISTORY[h]).lower() for h in situation.history)))
    if situation.health:
        parts.append(_("Health: {health}.").format(health="; ".join(_(HEALTH[h]).lower() for h in situation.health)))
    return " ".join(parts)


# The shortlist of treatments to compare and take to a visit (query parameter `t`).
SHORTLIST_KEY = "t"
MAX_SHORTLIST = 4


def parse_shortlist(given: Sequence[str], known_ids: Sequence[str]) -> tuple[tuple[str, ...], tuple[Ignored, ...]]:
    """Treatment ids from `t=id1,id2`: known ids only, each once, in the order given, at most four."""
    ignored: list[Ignored] = []
    if len(given) != 1:
        return (), (Ignored(SHORTLIST_KEY, safe_snippet(given[-1] if given else ""), _("given more than once")),)
    raw = given[0].strip()
    if len(raw) > MAX_PARAM_LENGTH * 2:
        return (), (Ignored(SHORTLIST_KEY, safe_snippet(raw), _("too long")),)
    chosen: list[str] = []
    for item in (part.strip() for part in raw.split(",")):
        if not item or item in chosen:
            continue
        if item not in known_ids:
            ignored.append(Ignored(SHORTLIST_KEY, safe_snippet(item), _("not a treatment in this app")))
        elif len(chosen) == MAX_SHORTLIST:
            ignored.append(
                Ignored(SHORTLIST_KEY, safe_snippet(item), _("more than {count} treatments").format(count=MAX_SHORTLIST))
            )
        else:
            chosen.append(item)
    return tuple(chosen), tuple(ignored)
