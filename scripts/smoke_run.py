"""Run every page once with only the runtime requirements installed (used by `make check-requirements`)."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from components.data import load_content  # noqa: E402
from components.exports import chart_png, visit_pdf  # noqa: E402, F401  (the PDF libraries must import)
from components.pages import PAGES  # noqa: E402


def main() -> int:
    load_content()
    import fpdf  # noqa: F401
    import vl_convert  # noqa: F401

    # A clinic's profile checks its country code with pycountry: the example must load here too.
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        shutil.copytree(ROOT / "data", content)
        shutil.copy(ROOT / "examples" / "clinic.toml", content)
        shutil.copy(ROOT / "examples" / "riverside-logo.png", content)
        if not load_content(content).clinic:
            print("examples/clinic.toml did not load", file=sys.stderr)
            return 1

    for info in PAGES:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.query_params["symptoms"] = "leg_pain"
        at.query_params["t"] = "discectomy,heat"
        at.run()
        if info.url_path:
            at.switch_page(info.path).run()
        if at.exception or not at.title:
            print(f"/{info.url_path}: failed to render", file=sys.stderr)
            return 1
    print(f"requirements.txt alone runs all {len(PAGES)} pages and loads the example clinic profile.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
