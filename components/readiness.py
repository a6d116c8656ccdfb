"""How ready a person is to decide: the four SURE questions, which way they lean, and what helps. Pure.

SURE is a four-item yes/no screen for decisional conflict (Légaré et al. 2010; © O'Connor and
Légaré 2008): Sure of myself, Understand information, Risk-benefit ratio, Encouragement. A
"no" to any item suggests the person is not yet ready; My visit then says what usually helps
and adds a question for the doctor. The answers live in the session only; they go into a link
only when the person asks for one that includes them (to_query / from_query).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from components.i18n import N_, _
from components.situation import Ignored, safe_snippet

ANSWERS: tuple[str, ...] = ("yes", "no")  # ids: kept in the session and the URL
ANSWER_WORDS = {"yes": N_("Yes"), "no": N_("No")}  # how each answer is shown
WAITING = "waiting"
NOT_SURE = "not_sure"
LEANING_WORDS = {WAITING: N_("Waiting and self-care for now"), NOT_SURE: N_("Not sure yet")}
SURE_KEY, LEANING_KEY = "sure", "lean"  # session keys and URL parameters


@dataclass(frozen=True)
class SureItem:
    id: str
    letter: str
    question: str
    helps: str  # what usually helps when the answer is "no"
    ask: str  # a question for the doctor; {matters} is filled in where it appears


# Each item's words are marked for the catalogue here and translated where they are shown: _(item.question).
SURE: tuple[SureItem, ...] = (
    SureItem(
        "sure",
        "S",
        N_("Do you feel sure about the best choice for you?"),
        N_(
            "Feeling unsure is common. Tell your doctor, and ask if you can take some time to think. "
            "If a warning sign applies to you, get checked first."
        ),
        N_("I do not feel sure yet. Can I take some time before I decide?"),
    ),
    SureItem(
        "understand",
        "U",
        N_("Do you know the benefits and risks of each option?"),
        N_(
            "Look again at Compare options and the pictures of 100 people. Ask your doctor to go through "
            "what is likely to happen with each option, and with waiting."
        ),
        N_("Can you go over the benefits and risks of each option for someone like me?"),
    ),
    SureItem(
        "values",
        "R",
        N_("Are you clear about which benefits and risks matter most to you?"),
        N_(
            "Use What matters to you on Compare options. Think about what you want to be able to do again, "
            "and what you most want to avoid."
        ),
        N_("I am not sure which matters more to me: {matters}. Can we go over it?"),
    ),
    SureItem(
        "support",
        "E",
        N_("Do you have enough support and advice to make a choice?"),
        N_(
            "Bring someone you trust to the visit. You can also ask for a second opinion, or to talk to a physiotherapist or nurse."
        ),
        N_("Who else could help me decide, and can I bring someone with me next time?"),
    ),
)
SURE_IDS: tuple[str, ...] = tuple(item.id for item in SURE)
# The R help once the person has said on Compare what matters to them (the usual help asks them to).
VALUES_SET_HELP = N_(
    "You have said what matters to you (below). Talk through with your doctor how each option "
    "fits those wishes, and which one you would give up for another."
)


def helps(item: SureItem, matters: Sequence[str]) -> str:
    """What usually helps after a "no" to this item, given what the person has already done, in the run's language."""
    help_text = VALUES_SET_HELP if item.id == "values" and matters else item.helps
    return _(help_text)


UNSURE_WISHES = N_("the benefits or the risks")


@dataclass(frozen=True)
class Readiness:
    """The person's SURE answers (item id -> "yes"/"no"; unanswered items are absent) and leaning."""

    sure: Mapping[str, str]
    leaning: str | None = None

    @property
    def score(self) -> int | None:
        """The SURE score (one point per "yes"), once all four are answered."""
        if len(self.sure) < len(SURE):
            return None
        return sum(self.sure[i] == "yes" for i in SURE_IDS)

    @property
    def unsure(self) -> tuple[SureItem, ...]:
        """The items answered "no", in SURE order."""
        return tuple(item for item in SURE if self.sure.get(item.id) == "no")

    @property
    def answered(self) -> bool:
        return bool(self.sure) or self.leaning is not None


def ready_line(readiness: Readiness) -> str:
    """One line a doctor reads at a glance."""
    if not readiness.sure:
        return _("Not answered.")
    if readiness.score is None:
        line = _("{done} of {total} questions answered").format(done=len(readiness.sure), total=len(SURE))
    else:
        line = _("{score} of {total} answered yes").format(score=readiness.score, total=len(SURE))
    if readiness.unsure:
        # Each question as a phrase: without its question marks (Spanish opens with ¿) and its capital.
        unsure = ", ".join(_(item.question).strip("¿?").lower() for item in readiness.unsure)
        return _("{answered}; not yet: {questions}.").format(answered=line, questions=unsure)
    if readiness.score == len(SURE):
        return _("{answered}: feels ready to decide.").format(answered=line)
    return line + "."


def answer_lines(readiness: Readiness) -> tuple[tuple[str, str], ...]:
    """Each SURE question with its answer ("Yes", "No" or "Not answered"), for the downloads."""
    return tuple((_(item.question), answer_word(readiness.sure.get(item.id))) for item in SURE)


def answer_word(answer: str | None) -> str:
    """A SURE answer as it is shown: "Yes", "No", or "Not answered"."""
    return _(ANSWER_WORDS[answer]) if answer in ANSWER_WORDS else _("Not answered")


def leaning_label(leaning: str | None, names: Mapping[str, str]) -> str:
    if leaning is None:
        return _("Not answered")
    if leaning in LEANING_WORDS:
        return _(LEANING_WORDS[leaning])
    return names.get(leaning, leaning)


def leaning_choices(shortlist: Sequence[str], leaning: str | None = None) -> tuple[str, ...]:
    """The shortlist, then waiting, then not sure; a leaning kept from before stays choosable."""
    choices = [*shortlist, WAITING, NOT_SURE]
    if leaning is not None and leaning not in choices:
        choices.insert(0, leaning)
    return tuple(choices)


def doctor_questions(readiness: Readiness, matters: Sequence[str]) -> tuple[str, ...]:
    """A question for the doctor for every SURE "no"; the values one names the top two wishes."""
    names = [m.split(":")[0].lower() for m in matters[:2]]
    wishes = _("{first} or {second}").format(first=names[0], second=names[1]) if len(names) == 2 else _(UNSURE_WISHES)
    return tuple(_(item.ask).format(matters=wishes) for item in readiness.unsure)


def to_query(readiness: Readiness) -> dict[str, str]:
    """The URL parameters for a link that includes the answers: sure=yes,no,,yes and lean=id."""
    query = {}
    if readiness.sure:
        query[SURE_KEY] = ",".join(readiness.sure.get(i, "") for i in SURE_IDS)
    if readiness.leaning is not None:
        query[LEANING_KEY] = readiness.leaning
    return query


def from_query(params: Mapping[str, Sequence[str]], treatment_ids: Sequence[str]) -> tuple[Readiness, tuple[Ignored, ...]]:
    """Read sure= and lean= from a link; anything else there is ignored, with why."""
    ignored: list[Ignored] = []
    sure: dict[str, str] = {}
    given = params.get(SURE_KEY)
    if given is not None:
        parts = given[-1].split(",") if len(given) == 1 else []
        if len(given) != 1:
            ignored.append(Ignored(SURE_KEY, safe_snippet(given[-1]), _("given more than once")))
        elif len(parts) != len(SURE) or any(p not in ("", *ANSWERS) for p in parts):
            ignored.append(Ignored(SURE_KEY, safe_snippet(given[-1]), _("use four answers, each yes, no or empty")))
        else:
            sure = {i: p for i, p in zip(SURE_IDS, parts, strict=True) if p}
    leaning = None
    lean = params.get(LEANING_KEY)
    if lean is not None:
        if len(lean) != 1:
            ignored.append(Ignored(LEANING_KEY, safe_snippet(lean[-1]), _("given more than once")))
        elif lean[0] in (WAITING, NOT_SURE) or lean[0] in treatment_ids:
            leaning = lean[0]
        else:
            ignored.append(Ignored(LEANING_KEY, safe_snippet(lean[0]), _("not a treatment in this app")))
    return Readiness(sure, leaning), tuple(ignored)
