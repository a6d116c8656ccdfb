"""What a page says about the situation itself before any option: what is missing to go further,
and where the guidelines behind the fits stop. Pure: a situation in, plain sentences out."""

from __future__ import annotations

from components.i18n import N_, _
from components.situation import Situation

NO_SYMPTOMS = N_(
    "Pick your symptoms in the sidebar. Until then, only self-care can be suggested: no medicine, "
    "injection or surgery is shown as fitting now."
)
NO_DURATION = N_(
    "Until you say how long you have had this episode, the fits below assume a new episode "
    "(less than 4 weeks): surgery and anything meant for lasting pain wait, but an epidural injection can "
    "still fit new, severe sciatica."
)
NERVE_PLACE = N_(
    "Say in the sidebar where the numbness or weakness is (a leg or an arm, one side or both). "
    "Until then it does not count towards treatments for the back or for the neck."
)
NOTHING_NEEDED = N_(
    "With no pain and daily life not affected, nothing beyond self-care and staying active is needed now. "
    "If pain comes back or limits you, update the sidebar."
)
ADULTS = N_(
    "The guidelines this app uses are for adults (NICE's for people over 16). A child or teenager with back or "
    "neck pain that lasts more than a few weeks, or comes with other symptoms, should see a doctor."
)
NECK = N_(
    "Your symptoms are in the neck or arms. Most guidelines this app uses are about low back pain and "
    "sciatica, and their views are not borrowed for the neck; for the neck it has only NICE's advice on "
    "simple painkillers. None of them covers neck injections or neck surgery: ask a spine specialist about "
    "options for the neck."
)


def situation_notes(situation: Situation) -> tuple[str, ...]:
    """Plain notes in the run's language, most important first; empty when the situation needs none."""
    notes: list[str] = []
    if not situation.symptoms:
        notes.append(_(NO_SYMPTOMS))
    elif situation.pain == 0 and situation.function in (None, "none"):
        notes.append(_(NOTHING_NEEDED))
    if situation.nerve_place_unknown:
        notes.append(_(NERVE_PLACE))
    if situation.age == "under_20":
        notes.append(_(ADULTS))
    if "neck" in situation.regions:
        notes.append(_(NECK))
    if situation.symptoms and situation.duration is None:
        notes.append(_(NO_DURATION))
    return tuple(notes)
