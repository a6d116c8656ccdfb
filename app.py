"""Back pain treatment-options explorer: the entry point only routes to the pages.

Each page draws its own frame (sidebar situation, banners, disclaimer), so a page opened
directly by a deep link looks the same as one reached through this router.
"""

import streamlit as st

from components.pages import PAGES

pages = {
    # The default page is served at "/" but still reserves a path name; "start" keeps "home" free.
    info.url_path: st.Page(
        info.path, title=info.title, icon=info.icon, url_path=info.url_path or "start", default=not info.url_path
    )
    for info in PAGES
}


def home_alias() -> None:
    """On a freshly started server, Streamlit's legacy pages mode serves Start here at /home
    for the first visitor (see STYLE.md); links copied then must still open Start here."""
    st.switch_page(pages[""], query_params={key: st.query_params.get_all(key) for key in st.query_params})


navigation = st.navigation(
    [*pages.values(), st.Page(home_alias, title="Start here", url_path="home", visibility="hidden")],
    position="hidden",
)
navigation.run()
