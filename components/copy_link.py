"""A visible "Copy link" button that works on a touch screen and says when it copied. Streamlit's
own copy icon on a code box shows only on hover, which a touch screen never has.

Custom components v2 run in the page itself (no iframe, no other host). The link is the page's
own address with the situation; it is set as text (never as HTML), so nothing in it can become
markup.
"""

from __future__ import annotations

import streamlit as st

_COPY = st.components.v2.component(
    "backpain_copy_link",
    html='<button type="button" class="copy"></button> <span class="said" role="status" aria-live="polite"></span>',
    css="""
.copy { font: inherit; padding: 0.4rem 0.9rem; border-radius: 0.5rem; border: 1px solid #6b7280;
        background: #ffffff; color: #111827; cursor: pointer; min-height: 2.75rem; }
.copy:focus-visible { outline: 3px solid #0072B2; outline-offset: 2px; }
.said { margin-left: 0.5rem; color: #065f46; font-weight: 600; }
""",
    js="""
export default function ({ data, parentElement }) {
  const button = parentElement.querySelector(".copy");
  const said = parentElement.querySelector(".said");
  button.textContent = data.label;
  said.textContent = "";
  const fallback = () => {
    // Older browsers and pages not served over https: copy through a selected, hidden text box.
    const box = document.createElement("textarea");
    box.value = data.url;
    box.setAttribute("readonly", "");
    box.style.position = "fixed";
    box.style.opacity = "0";
    document.body.appendChild(box);
    box.select();
    let done = false;
    try { done = document.execCommand("copy"); } catch (error) { done = false; }
    box.remove();
    return done;
  };
  button.onclick = async () => {
    let done = false;
    try {
      await navigator.clipboard.writeText(data.url);
      done = true;
    } catch (error) {
      done = fallback();
    }
    said.textContent = done ? data.copied : data.failed;
  };
}
""",
)


COPY_LINK_KEY = "copy_link"  # the component's state in the session (Streamlit's own, not ours)


def copy_link_button(url: str, label: str, copied: str, failed: str) -> None:
    """A button that copies `url`, then says `copied` (or `failed`, when the browser refuses)."""
    _COPY(key=COPY_LINK_KEY, data={"url": url, "label": label, "copied": copied, "failed": failed}, height="content")
