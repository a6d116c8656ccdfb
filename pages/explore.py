"""Explore treatments: every option with its guideline stance and its fit for this situation."""

import streamlit as st

from components.banners import draw_situation_notes
from components.data import split_list
from components.explore import fit_cards, fit_counts, stance_lines
from components.frame import add_to_shortlist, draw_frame, draw_glossary, link_to_page, remove_from_shortlist, seed
from components.i18n import _
from components.ladder_view import draw_ladder_strip
from components.page_caches import filtered_table
from components.presentation import NARROW_VIEW, WIDE_VIEW
from components.situation import MAX_SHORTLIST, describe
from components.vocabulary import CATEGORIES, INVASIVENESS, LADDER_STEPS

PRESENT_COLUMNS = ["name", "fit", "reason", "guidelines"]


frame = draw_frame("explore")
situation, content = frame.situation, frame.content

st.title(_("Explore treatments"))
st.markdown(describe(situation, content.symptom_labels))
draw_situation_notes(situation)

draw_ladder_strip(frame)
link_to_page(frame, "ladder", _("See the full escalation ladder"))

fitted = frame.fitted
category_labels = content.category_labels

# A change of language relabels these choices: give them their values again (frame.arrived), as the sidebar's.
seed("explore_max_invasiveness", st.session_state.get("explore_max_invasiveness", 5), frame.arrived)
seed("explore_details", st.session_state.get("explore_details"), frame.arrived)
filters = st.columns([3, 2], gap="large")
chosen = filters[0].pills(
    _("Categories"),
    CATEGORIES,
    selection_mode="multi",
    default=list(CATEGORIES),
    format_func=category_labels.get,
    key="explore_categories",
    wrap=True,
)
max_invasiveness = filters[1].select_slider(
    _("Show options up to this invasiveness"),
    options=list(INVASIVENESS),
    format_func=lambda level: _(INVASIVENESS[level]),
    key="explore_max_invasiveness",
)

table = filtered_table(frame.content_key, situation, tuple(chosen), max_invasiveness, fitted, content.categories)
counts = fit_counts(table)
st.markdown(
    _(
        "**{now} fit now · {later} later step · {not_typical} not typical** (of {shown} shown). "
        "*Fit* is what guidelines usually suggest at your stage; your doctor decides with you."
    ).format(now=counts["fits now"], later=counts["later step"], not_typical=counts["not typical"], shown=len(table))
)
if table.empty:
    st.info(_("No treatments match these filters. Pick more categories or allow more invasive options."))
else:
    # A phone gets one card per option (the fit and the whole reason, no sideways scrolling); a wider
    # screen gets the table. Both are drawn; CSS shows one (components.presentation.NARROW_CSS).
    with st.container(key=WIDE_VIEW):
        st.dataframe(
            table,
            hide_index=True,
            width="stretch",
            # Tall rows let the one-sentence reasons wrap instead of being cut off.
            row_height=120 if frame.present else 78,
            # When screen-sharing, fewer and wider columns: what it is, the fit, and why.
            column_order=PRESENT_COLUMNS if frame.present else [c for c in table.columns if c != "id"],
            column_config={
                "name": st.column_config.TextColumn(_("Treatment"), width=300 if frame.present else 220),
                "fit": st.column_config.TextColumn(_("Fit"), help=_("fits now / later step / not typical")),
                "reason": st.column_config.TextColumn(_("Why"), width=560 if frame.present else 380),
                "category": st.column_config.TextColumn(_("Category")),
                "invasiveness": st.column_config.NumberColumn(
                    _("Invasiveness"), help=_("1 = no needles or drugs … 5 = major surgery"), format=_("%d of 5")
                ),
                "guidelines": st.column_config.TextColumn(_("Guidelines overall")),
                "guideline_stances": st.column_config.TextColumn(_("Each guideline"), width="large"),
                "typical_use": st.column_config.TextColumn(_("Typical use"), width="large"),
                "when_considered": st.column_config.TextColumn(_("When it is considered"), width="large"),
            },
            alt=_(
                "Table of treatments with their fit for your situation, the reason, category, invasiveness and guideline stances."
            ),
        )
    with st.container(key=NARROW_VIEW):
        for heading, cards in fit_cards(table):
            st.markdown(f"#### {heading}")
            for card in cards:
                with st.container(border=True):
                    st.markdown(card)

st.subheader(_("Details of a treatment"))
names = dict(zip(table["id"], table["name"], strict=True))
chosen_id = st.selectbox(
    _("Choose a treatment to see what it involves, its benefits and risks, and what each guideline says"),
    list(names),
    format_func=names.get,
    index=None,
    placeholder=_("Choose a treatment"),
    key="explore_details",
)
row = fitted.set_index("id").loc[chosen_id] if chosen_id is not None else None
if row is not None:
    st.markdown(f"### {row['name']}")
    st.markdown(
        _("**Fit for you: {fit}.** {reason}").format(fit=_(row["fit"]), reason=row["reason"])
        + "  \n"
        + _("**Category:** {category} · **Invasiveness:** {invasiveness} · **Usual place:** {step}").format(
            category=category_labels[row["category"]],
            invasiveness=_(INVASIVENESS[row["invasiveness"]]),
            step=_(LADDER_STEPS[row["ladder_step"]]),
        )
    )
    left, right = st.columns(2)
    left.markdown(
        _("**What it involves.** {involves}\n\n**Typical use.** {use}").format(
            involves=row["what_it_involves"], use=row["typical_use"]
        )
    )
    left.markdown(
        _("**When it is considered.** {when}\n\n**Recovery.** {recovery}").format(
            when=row["when_considered"], recovery=row["recovery"]
        )
    )
    right.markdown(
        _("**Possible benefits.** {benefits}\n\n**Possible risks.** {risks}").format(benefits=row["benefits"], risks=row["risks"])
    )
    actions = st.columns([1, 1, 2])
    if chosen_id in frame.shortlist:
        actions[0].button(
            _("Remove from my shortlist"), on_click=remove_from_shortlist, args=(chosen_id,), key="shortlist_remove"
        )
    else:
        actions[0].button(
            _("Add to my shortlist"),
            on_click=add_to_shortlist,
            args=(chosen_id,),
            disabled=len(frame.shortlist) >= MAX_SHORTLIST,
            help=_("Up to {count} treatments, to compare and take to your visit.").format(count=MAX_SHORTLIST),
            key="shortlist_add",
        )
    link_to_page(frame, "compare", _("Compare my shortlist ({count})").format(count=len(frame.shortlist)), where=actions[1])
    st.markdown("**" + _("What each guideline says") + "**")
    cited = content.evidence[content.evidence["treatment_id"] == chosen_id].merge(
        content.sources, left_on="source_id", right_on="id"
    )
    st.markdown("\n".join(f"- {line}" for line in stance_lines(cited)))
    facts = content.sources[content.sources["id"].isin(split_list(row["fact_sources"]))]
    if not facts.empty:
        links = "; ".join(f"[{f.short_name}]({f.url})" for f in facts.itertuples(index=False))
        st.caption(_("Facts above come from: {sources}").format(sources=links))

shown = table[["name", "reason", "typical_use", "when_considered", "guideline_stances"]].to_numpy().ravel().tolist()
if row is not None:
    shown += [str(value) for value in row.to_dict().values()]
draw_glossary(frame, shown)
