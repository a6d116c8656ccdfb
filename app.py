"""Back pain treatment-options explorer: the entry point only routes to the pages.

Each page draws its own frame (sidebar situation, banners, disclaimer), so a page opened
directly by a deep link looks the same as one reached through this router.
"""

import streamlit as st

from components.pages import PAGES

navigation = st.navigation(
    [
        st.Page(info.path, title=info.title, icon=info.icon, url_path=info.url_path or None, default=not info.url_path)
        for info in PAGES
    ],
    position="hidden",
)
navigation.run()
