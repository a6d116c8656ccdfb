"""Sources & method: every citation, the evidence legend, how fit is decided, review date and policy."""

import streamlit as st

from components.compare import source_label
from components.data import escape_markdown
from components.fit import FIT_RULES, caution_matrix, caution_reasons
from components.frame import draw_frame, draw_glossary
from components.i18n import _
from components.page_caches import cached_criteria, dataset_zip
from components.statements import sources_funding, sources_review
from components.triage import raised_signs
from components.vocabulary import OVERALL_STANCES, RED_FLAG_TIERS, SOURCE_KINDS, STANCE_MEANINGS, STANCES

frame = draw_frame("sources")
content = frame.content


st.title(_("Sources & method"))
st.markdown(sources_review(content.about))
if frame.clinic:
    st.markdown(
        _("**Who reviews this content for {clinic}:** {reviewer}.").format(
            clinic=escape_markdown(frame.clinic.name), reviewer=escape_markdown(frame.clinic.reviewed_by)
        )
    )

st.header(_("How fit is decided"))
st.markdown(
    _(
        "One set of rules reads each treatment's row in the data (the body region and symptoms it treats, for how "
        "long, how bad the pain must be, what is usually tried or found first, which health conditions call for care) "
        "and the guideline stances. The first rule that applies decides:"
    )
)
fit_rules = [_(rule) for rule in FIT_RULES]
st.markdown("\n".join(f"{n}. {rule}" for n, rule in enumerate(fit_rules, start=1)))
st.markdown(
    _("**Warning signs** come in three tiers, and a sign always wins over the fit:")
    + "\n"
    + "\n".join(f"- **{frame.tiers[tier].heading}** {frame.tiers[tier].first_step}." for tier in RED_FLAG_TIERS)
    + "\n\n"
    + _("Some signs are more urgent together:")
    + "\n"
    + "\n".join(f"- {line}" for line in raised_signs(content.red_flag_rows, content.symptom_labels))
    + "\n\n"
    + _("The hazard log behind these rules is `docs/SAFETY.md` in the app's code.")
)

st.header(_("Health conditions and age"))
st.markdown(
    _(
        "For every option, the content decides what each health condition and age band means for it: "
        "**✖ avoid**: usually avoided, so never shown as fitting now; **⚠ ask first**: ask your doctor first (two or "
        "more of these make it a later step); **·**: no particular concern. The reasons and their sources are listed under the table."
    )
)
# Short names, and the treatment as the (pinned) index, so the factors fit beside it.
short_names = dict(zip(content.treatments["id"], content.treatments["short_name"], strict=True))
matrix = caution_matrix(content.cautions, {t: short_names[t] for t in content.treatment_names})
st.dataframe(matrix.set_index(matrix.columns[0]), width="stretch")
with st.expander(_("Why: each avoid and caution, with its source")):
    st.markdown(
        "\n".join(
            f"- {escape_markdown(line)}" for line in caution_reasons(content.cautions, content.treatment_names, content.sources)
        )
    )

st.header(_("Evidence legend"))
st.markdown(_("What each guideline's stance means:"))
stance_meanings = [_(meaning) for meaning in STANCE_MEANINGS.values()]
st.markdown("\n".join(f"- **{_(STANCES[s])}**: {meaning}" for s, meaning in zip(STANCE_MEANINGS, stance_meanings, strict=True)))
st.markdown(_("All guidelines together, as shown in the *Guidelines overall* column:"))
overall_meanings = {
    "recommended": _("at least one guideline recommends it and none advises against it."),
    "consider": _("at least one says it can be considered and none advises against it."),
    "specific_cases": _("only for specific people or situations."),
    "disagree": _("one guideline recommends or considers it, another advises against it. Both views are shown."),
    "not_recommended": _("guidelines advise against it (at most allowing it in rare cases)."),
    "no_stance": _("no guideline we use gives a view."),
}
st.markdown("\n".join(f"- **{_(label)}**: {overall_meanings[key]}" for key, label in OVERALL_STANCES.items()))

st.header(_("Decision-aid standards"))
st.markdown(
    _(
        "The International Patient Decision Aid Standards (IPDAS) list what a decision aid must do. "
        "Here is each qualifying and certifying criterion, and the quality criteria this app also takes on "
        "(chances out of 100, values, a knowledge check, readiness to decide), with where this app meets it:"
    )
)
st.table(cached_criteria(frame.content_key, frame.directory, frame.fingerprint, content))

st.header(_("Sources"))
st.markdown(
    _(
        "Only clinical guidelines give a stance on a treatment. Reviews, trials and other sources support facts "
        "(benefits, risks, recovery) and never count as a guideline's view."
    )
)
link = _("Link")
st.markdown(
    "\n".join(
        f"- **{source_label(s.short_name, s.year)}** ({_(SOURCE_KINDS[s.kind])}). {s.citation} *{s.organisation}, {s.year}.* "
        f"[{link}]({s.url})"
        for s in content.sources.itertuples(index=False)
    )
)

st.header(_("Funding and interests"))
st.markdown(sources_funding(content.about))

st.header(_("Disclaimer"))
st.markdown(
    _(
        "This app gives general information from published guidelines. It is **not medical advice and not a "
        "diagnosis**, and it does not replace a clinician who knows you. Guidelines differ between countries and "
        "change over time. If you have a warning sign, get help first."
    )
)

st.header(_("The data, and how a clinic edits it"))
st.markdown(
    _(
        "All content lives in plain CSV files in the `data/` folder: `treatments.csv` (one row per treatment), "
        "`evidence.csv` (one row per treatment, guideline, body region and stage), `sources.csv`, `symptoms.csv`, `red_flags.csv`, "
        "`categories.csv` and `about.csv` (this page's review date, policy and statements).\n\n"
        "1. Open a file in a spreadsheet and edit it; lists inside a cell are separated by `;`.\n"
        "2. Save it as **CSV UTF-8**.\n"
        "3. Run `make check-data`. It names the file, row, column and value of any mistake, or says the check passed.\n"
        "4. Update `last_reviewed` in `about.csv`, then deploy. The app also checks every file when it starts and "
        "shows one clear message instead of any partial content."
    )
)
st.download_button(
    _("Download the dataset (zip of CSV files)"),
    dataset_zip(frame.directory, frame.fingerprint),
    file_name="backpain-dataset.zip",
    mime="application/zip",
    on_click="ignore",
)

draw_glossary(frame, [*fit_rules, *stance_meanings])
