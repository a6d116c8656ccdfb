"""The short answer that tops Start here, so a phone shows it first: should I see a doctor, what can I
do now, do I need a scan, and where to go next. Pure: built from the self-check, the fit and the
knowledge check's scan answer, all of which the rest of the app already shows in full."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from components.data import split_list
from components.i18n import _
from components.selfcheck import SelfCheck
from components.situation import Situation
from components.vocabulary import RED_FLAG_TIERS

# How many options the summary names to start now, and the highest ladder step they come from: self-care
# and guided care, never a specialist's procedure or an operation (review 7: decompression filled a slot).
DO_NOW = 3
DO_NOW_STEPS = 2
SCAN_FINDING = "imaging_matches"


@dataclass(frozen=True)
class StartSummary:
    answer: str  # the self-check's answer (a warning-sign tier, "yes" or "not yet"), or "neutral"
    doctor: str  # should I see a doctor, in one sentence
    do_now: tuple[str, ...]  # short names of options that fit now, self-care first
    do_now_line: str
    scan: str


def do_now(fitted: pd.DataFrame, count: int = DO_NOW) -> tuple[str, ...]:
    """Up to `count` options that fit now from the first two steps of the ladder, in the fit's own order but
    self-care first: what a person can start on their own comes before what needs a prescription or an
    appointment."""
    now = fitted[(fitted["fit"] == "fits now") & (fitted["ladder_step"] <= DO_NOW_STEPS)]
    ordered = pd.concat([now[now["self_care"] == "yes"], now[now["self_care"] != "yes"]])
    return tuple(ordered["short_name"].head(count))


def scan_answer(situation: Situation, check: SelfCheck, fitted: pd.DataFrame, knowledge: Mapping[str, str]) -> str:
    """Do I need a scan? A warning sign leaves it to the doctor who checks it; a matching scan is already
    there; otherwise usually not, with the knowledge check's reason (NICE NG59 1.1.4), and which options
    that come later for this person would wait for one."""
    if check.answer in RED_FLAG_TIERS:
        return _("A doctor decides whether you need a scan when they check your warning sign.")
    if SCAN_FINDING in situation.findings:
        return _("You have had a scan that matches your symptoms: take the report to your appointment.")
    waiting = fitted[
        (fitted["fit"] == "later step") & fitted["needs_findings"].map(lambda cell: SCAN_FINDING in split_list(cell))
    ]
    # NICE NG59 1.1.4: no routine imaging outside a specialist setting, at any stage.
    answer = _("Usually not. {why}").format(why=knowledge["explanation"])
    if waiting.empty:
        return answer
    names = "; ".join(waiting["short_name"].head(DO_NOW))
    return answer + " " + _("For you, a scan that matches your symptoms would come before: {names}.").format(names=names)


def start_summary(situation: Situation, check: SelfCheck, fitted: pd.DataFrame, knowledge: Mapping[str, str]) -> StartSummary:
    """The summary box. Before any symptom or warning sign is given it is neutral: it says how to get an
    answer, and never reassures (a green "not necessarily yet" before anything is known)."""
    if not situation.symptoms and check.answer not in RED_FLAG_TIERS:
        return StartSummary(
            "neutral",
            _(
                "Answer the questions under **Your situation** in the sidebar (on a phone, open it with **»** at the "
                "top left). This box then says whether to see a doctor, what you could do now and whether you need a scan."
            ),
            (),
            "",
            "",
        )
    names = do_now(fitted)
    if names:
        line = "; ".join(names) + "."
    elif check.answer in RED_FLAG_TIERS:
        line = _("Nothing to start before a doctor has checked your warning sign.")
    else:
        line = _("Nothing fits now on what you have told us: see the options that come later, and ask your doctor.")
    return StartSummary(check.answer, check.headline, names, line, scan_answer(situation, check, fitted, knowledge))
