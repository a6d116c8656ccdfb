"""What stands at the top of every page: the warning-sign banner for each tier, the notice of
anything in a link that was ignored, and the disclaimer."""

from __future__ import annotations

import streamlit as st

from components.guidance import situation_notes
from components.i18n import N_, _
from components.situation import Ignored, Situation
from components.triage import TIERS, Assessment, Tier
from components.vocabulary import RED_FLAG_TIERS

DISCLAIMER = N_(
    "This app gives general information, **not medical advice and not a diagnosis**. "
    "Use it to prepare for a talk with your doctor or physiotherapist."
)
# The most urgent tiers are errors (red); a sign to check within days is a warning (yellow).
TIER_BANNERS = {"emergency": st.error, "same_day": st.error, "soon": st.warning}


def tier_markdown(assessment: Assessment, tier: str, tiers: dict[str, Tier] = TIERS) -> str:
    """One tier's banner text: heading, what to do (with the clinic's numbers), then each sign with why it matters."""
    lines = "\n".join(f"- **{sign.label}**: {sign.action}" for sign in assessment.in_tier(tier))
    return f"**{tiers[tier].heading}** {tiers[tier].action}\n\n{lines}"


def draw_banners(assessment: Assessment, tiers: dict[str, Tier] = TIERS) -> None:
    """One banner per tier that has a sign, most urgent first; nothing without a sign."""
    for tier in RED_FLAG_TIERS:
        if assessment.in_tier(tier):
            TIER_BANNERS[tier](tier_markdown(assessment, tier, tiers))


def draw_situation_notes(situation: Situation) -> None:
    """What is missing to go further and where the guidelines stop (components.guidance), above the options."""
    for note in situation_notes(situation):
        st.info(note)


def draw_ignored_notice(ignored: tuple[Ignored, ...]) -> None:
    if ignored:
        # Parameters and values are reduced to [A-Za-z0-9_-.,?] by safe_snippet, so
        # nothing from the URL can form markdown, links or HTML here.
        items = "; ".join(f"`{i.param}={i.value}` ({i.why})" for i in ignored)
        st.warning(_("Some settings in this link could not be used and were ignored: {items}.").format(items=items))
