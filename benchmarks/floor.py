"""The floor: a bare Streamlit app that draws the same number of widgets, tables and Altair charts
as /explore and /ladder, with trivial data. The app's cost is measured against it.

It gets every advantage the app gives itself, so the ratio measures our code and not our tuning:
the app's own `.streamlit/config.toml`, the same `gc.freeze()` once the libraries are loaded,
and chart specs built once per process, as the app serves its cached specs."""

from __future__ import annotations

from pathlib import Path

# Imported once per process, like the app's components.frame: libraries, gc.freeze, shared specs.
COMMON = """
import gc

import altair as alt
import pandas as pd
import streamlit as st

DATA = pd.DataFrame({"x": ["a", "b", "c"], "y": [1, 2, 3]})
gc.freeze()


@st.cache_resource
def chart_spec() -> dict:
    return alt.Chart(DATA).mark_point().encode(x="x:N", y="y:Q").to_dict()
"""

SIDEBAR = """
import streamlit as st

from floor_common import DATA, chart_spec

st.set_page_config(page_title="floor", layout="wide")
with st.sidebar:
    st.markdown("### floor")
    for name in ("a", "b", "c", "d", "e", "f"):
        st.page_link(PAGE, label=name)
    st.toggle("toggle", key="t")
    st.pills("pills", ["p1", "p2", "p3", "p4", "p5", "p6", "p7"], selection_mode="multi", key="p")
    st.slider("slider", 0, 10, key="s")
    st.radio("radio 1", ["x", "y", "z"], index=None, key="r1")
    st.radio("radio 2", ["x", "y", "z"], index=None, key="r2")
    st.multiselect("multi 1", ["x", "y", "z"], key="m1")
    st.multiselect("multi 2", ["x", "y", "z"], key="m2")
    for i in range(7):
        st.checkbox(f"check {i}", key=f"c{i}")
st.caption("caption")
with st.popover("popover"):
    st.code("code")
st.title("floor")
st.markdown("text")
"""

EXPLORE = """
st.vega_lite_chart(chart_spec(), width="stretch")
st.pills("categories", ["a", "b", "c", "d", "e"], selection_mode="multi", key="cat")
st.select_slider("max", options=[1, 2, 3, 4, 5], value=5, key="inv")
st.markdown("counts")
st.dataframe(DATA, hide_index=True, width="stretch")
st.subheader("details")
st.selectbox("details", ["a", "b"], index=None, key="d")
with st.expander("glossary"):
    st.markdown("- words")
"""

LADDER = """
st.pills("highlight", ["a", "b", "c", "d", "e"], key="hl")
for i in range(3):
    st.subheader(f"chart {i}")
    st.caption("caption")
    st.vega_lite_chart(chart_spec(), width="stretch")
    with st.expander(f"text {i}"):
        st.markdown("- text")
with st.expander("glossary"):
    st.markdown("- words")
"""

# The measured pages sit at /explore and /ladder, as in the app: on a page path Streamlit's
# frontend makes two more requests before it connects, which is Streamlit's cost, not ours.
ROUTER = """
import streamlit as st

st.navigation(
    [
        st.Page(lambda: st.title("floor"), title="home", default=True),
        st.Page("pages/explore.py", url_path="explore"),
        st.Page("pages/ladder.py", url_path="ladder"),
    ],
    position="hidden",
).run()
"""


def write_floor_app(folder: Path, config: Path) -> Path:
    """Write the floor app (router, shared module, two pages and the app's `config`) into `folder`;
    returns the entry script."""
    (folder / "pages").mkdir(parents=True, exist_ok=True)
    (folder / ".streamlit").mkdir(exist_ok=True)
    (folder / ".streamlit" / "config.toml").write_text(config.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "floor_common.py").write_text(COMMON)
    (folder / "floor_app.py").write_text(ROUTER)
    for name, body in (("explore", EXPLORE), ("ladder", LADDER)):
        (folder / "pages" / f"{name}.py").write_text(SIDEBAR.replace("PAGE", f'"pages/{name}.py"') + body)
    return folder / "floor_app.py"
