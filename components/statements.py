"""The statements a decision aid must make, as the exact Markdown the pages draw: the condition and the
decision (Start here), the review date and policy, funding and interests (Sources & method). Pure.

The pages render these strings and components.ipdas checks the same strings, so a page cannot say
something different from what the IPDAS checks read.
"""

from __future__ import annotations

from collections.abc import Mapping

from components.i18n import N_, _

ABOUT_BACK_PAIN = N_(
    "Back pain is very common: most people have it at some point. Most new episodes get a lot better within a "
    "few weeks, whatever the treatment, but some pain often lingers: in studies, about 65 in 100 people still "
    "had some pain a year later. "
    "Pain that spreads down a leg (sciatica) usually comes from an irritated nerve in the lower back."
)
THE_DECISION = N_(
    "The decision this app helps with: which treatment to try next for your back or neck pain, if any, "
    "and what to ask your doctor about it."
)


def start_here_introduction() -> str:
    """What Start here says about the condition and the decision."""
    return "**{heading}** {about}\n\n**{decision}**".format(
        heading=_("About back pain."), about=_(ABOUT_BACK_PAIN), decision=_(THE_DECISION)
    )


def sources_review(about: Mapping[str, str]) -> str:
    """The review date and update policy at the top of Sources & method (from data/about.csv)."""
    return "**{reviewed}** {policy}".format(
        reviewed=_("Last reviewed: {date}.").format(date=about["last_reviewed"]), policy=about["update_policy"]
    )


def sources_funding(about: Mapping[str, str]) -> str:
    """'Funding and interests' on Sources & method: who paid, then whose interests (from data/about.csv)."""
    return f"{about['funding']}\n\n{about['conflicts']}"
