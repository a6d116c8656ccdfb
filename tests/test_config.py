"""The shipped Streamlit config: what it promises a person, read as Streamlit itself reads it."""

from __future__ import annotations

import tomllib

from benchmarks.server import ROOT


def test_usage_statistics_are_off_in_the_shipped_config():
    # The browser tests' servers do not set this flag themselves: their no-other-host check
    # would catch the frontend's statistics calls if the config ever lost it.
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["browser"]["gatherUsageStats"] is False


def test_the_browser_test_servers_take_privacy_settings_from_the_config_alone():
    server_code = (ROOT / "benchmarks" / "server.py").read_text(encoding="utf-8")
    assert "gatherUsageStats" not in server_code
