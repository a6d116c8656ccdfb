"""The clinic profile (clinic.toml): its schema, one clear error per bad key, and the texts it makes."""

from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import textstat

from components.check_data import main as check_data
from components.clinic import (
    APP_COLOURS,
    CAPTION_OPACITY,
    CLINIC_FILE,
    EMERGENCY_NUMBERS,
    NO_CLINIC,
    ClinicError,
    blend,
    contrast,
    load_clinic,
    parse_clinic,
)
from components.data import DATA_DIR, ContentError, data_fingerprint, escape_markdown, load_content
from components.triage import TIERS, tiers_for

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / CLINIC_FILE
LOGO = ROOT / "examples" / "riverside-logo.png"
MINIMAL = {"name": "Hill Clinic", "country": "GB", "reviewed_by": "Dr B. Jones"}


@pytest.fixture
def clinic_dir(tmp_path: Path) -> Path:
    """A copy of the shipped content with the example profile and its logo beside it."""
    target = tmp_path / "content"
    shutil.copytree(DATA_DIR, target)
    shutil.copy(EXAMPLE, target)
    shutil.copy(LOGO, target)
    return target


def test_the_example_profile_loads_with_the_content(clinic_dir: Path):
    clinic = load_content(clinic_dir).clinic
    assert clinic.name == "Riverside Back Care Clinic"
    assert (clinic.country, clinic.emergency_number) == ("GB", "999")
    assert clinic.logo == clinic_dir / "riverside-logo.png"
    assert clinic.theme == {
        "primaryColor": "#0b6e4f",
        "backgroundColor": "#ffffff",
        "textColor": "#111827",
        "linkColor": "#0b6e4f",
        "grayTextColor": "#111827",
    }
    assert clinic.contact_lines == (
        ("Clinic", "Riverside Back Care Clinic"),
        ("Phone", "01632 960 000"),
        ("Book online", "https://riverside-back-care.example.org/book"),
        ("Advice today", "Call NHS 111, or our nurse line on 01632 960 123 (weekdays 8am to 6pm)"),
        ("In an emergency", "call 999"),
    )


def test_without_a_profile_there_is_no_clinic_and_the_tiers_are_unchanged():
    assert load_clinic(DATA_DIR) is NO_CLINIC
    assert load_content().clinic is NO_CLINIC
    assert not NO_CLINIC
    assert tiers_for(NO_CLINIC) == TIERS  # in English, the tiers as they are
    assert "(999 in the UK, 911 in the US, 112 in the EU)" in TIERS["emergency"].action
    assert "(in the UK, your GP or NHS 111)" in TIERS["same_day"].action


@pytest.mark.parametrize(
    ("country", "number"),
    [("GB", "999"), ("US", "911"), ("CA", "911"), ("IE", "112 or 999"), ("AU", "000"), ("NZ", "111"), ("FR", "112")],
)
def test_the_country_sets_the_emergency_number_that_the_banner_says(country: str, number: str):
    clinic = parse_clinic({**MINIMAL, "country": country}, DATA_DIR)
    assert clinic.emergency_number == number
    action = tiers_for(clinic)["emergency"].action
    assert action.startswith(f"Call the emergency services on {number} or go to the nearest emergency department now.")
    assert "911 in the US" not in action and "999 in the UK" not in action
    assert action.endswith(TIERS["emergency"].action.split("now. ", 1)[1])  # what to do besides calling is kept


def test_every_eu_member_state_defaults_to_112():
    eu = [
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "HU",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
    ]
    assert len(eu) == 27
    assert {country: EMERGENCY_NUMBERS[country] for country in eu} == {c: "112 or 999" if c == "IE" else "112" for c in eu}


def test_an_emergency_number_given_wins_over_the_country_default():
    clinic = parse_clinic({**MINIMAL, "country": "JP", "emergency_number": "119"}, DATA_DIR)
    assert clinic.emergency_number == "119"
    assert "on 119 or go to" in tiers_for(clinic)["emergency"].action


def test_the_same_day_banner_gives_the_clinics_advice_or_the_uk_default():
    advice = parse_clinic({**MINIMAL, "urgent_advice": "call our nurse line on 01632 960 123."}, DATA_DIR)
    assert tiers_for(advice)["same_day"].action == (
        "Get a same-day appointment with a doctor before you try any treatment in this app. "
        "For advice today, call our nurse line on 01632 960 123. "
        "If you cannot get an appointment today, go to an urgent care centre."
    )
    uk = tiers_for(parse_clinic(MINIMAL, DATA_DIR))["same_day"].action
    assert "For advice today, call your GP or NHS 111." in uk
    us = tiers_for(parse_clinic({**MINIMAL, "country": "US"}, DATA_DIR))["same_day"].action
    assert "NHS" not in us and "UK" not in us and "For advice today" not in us
    # The sign to check within days does not name a number: it is unchanged.
    assert tiers_for(advice)["soon"] == TIERS["soon"]


def test_the_clinic_texts_read_at_grade_eight_or_below(clinic_dir: Path):
    clinic = load_content(clinic_dir).clinic
    tiers = tiers_for(clinic)
    for text in (tiers["emergency"].action, tiers["same_day"].action, clinic.introduction(escape_markdown)):
        shown = re.sub(r"\]\([^)]*\)", "]", text)  # a link reads as its words, not its address
        assert textstat.flesch_kincaid_grade(shown) <= 8, shown


def test_start_here_and_my_visit_say_how_to_book():
    clinic = parse_clinic(
        {**MINIMAL, "name": "St. Ann's *Spine*", "phone": "+44 1632 960000", "booking_url": "https://a.example/book/"},
        DATA_DIR,
    )
    assert clinic.introduction(escape_markdown) == (
        r"**This app is provided by St\. Ann's \*Spine\*.** To book an appointment, call +44 1632 960000 or "
        "[book online](https://a.example/book/)."
    )
    assert parse_clinic(MINIMAL, DATA_DIR).introduction(escape_markdown) == "**This app is provided by Hill Clinic.**"


def test_the_feedback_link_is_a_mailto_with_the_page_name_only():
    clinic = parse_clinic({**MINIMAL, "feedback_email": "app@hill.example.org"}, DATA_DIR)
    link = urlsplit(clinic.feedback_link("Compare options"))
    assert (link.scheme, link.path) == ("mailto", "app@hill.example.org")
    assert parse_qs(link.query) == {
        "subject": ["What was unclear in the back pain app"],
        "body": ["Page: Compare options\n\nWhat was unclear:\n"],
    }


def test_contrast_is_the_wcag_ratio():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the lightest grey that passes AA
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_captions_are_checked_as_streamlit_draws_them_and_the_app_colours_are_its_own():
    assert blend("#111827", "#ffffff", CAPTION_OPACITY) == "#70747d"  # measured in Chromium: rgb(112, 116, 125)
    theme = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())["theme"]
    assert {
        "primary_color": theme["primaryColor"],
        "background_color": "#ffffff",
        "text_color": theme["textColor"],
    } == APP_COLOURS


def bad(**changes: object) -> dict[str, object]:
    profile = dict(MINIMAL)
    for key, value in changes.items():
        if value is None:
            profile.pop(key)
        else:
            profile[key] = value
    return profile


# Each bad profile, the key the one error names, the value it quotes, and what it says.
BAD_PROFILES = [
    (bad(emergancy_number="999"), "emergancy_number", "999", "is not a key we know"),
    (bad(name=None), "name", None, "is missing"),
    (bad(country=None), "country", None, "is missing"),
    (bad(reviewed_by=None), "reviewed_by", None, "is missing"),
    (bad(name=""), "name", "(found: '')", "must not be empty"),
    (bad(name=42), "name", "(found: '42')", "must be text in quotes"),
    (bad(name="<b>Hill</b>"), "name", "<b>Hill</b>", "must be plain text on one line"),
    (bad(urgent_advice="see [here](https://elsewhere.example)"), "urgent_advice", "see [here]", "no HTML and no links"),
    (bad(urgent_advice="call us", urgent_advice_es="<b>llame</b>"), "urgent_advice_es", "<b>llame</b>", "must be plain text"),
    (bad(urgent_advice_es="llame"), "urgent_advice_es", "llame", "give urgent_advice (in English) too"),
    (bad(urgent_advice_spanish="llame"), "urgent_advice_spanish", "llame", "is not a key we know"),
    (bad(name="Hill\nClinic"), "name", r"(found: 'Hill\nClinic')", "must be plain text on one line"),
    (bad(country="UK"), "country", "UK", "two-letter ISO 3166 country code"),
    (bad(country="gb"), "country", "gb", "two-letter ISO 3166 country code"),
    (bad(country="XX"), "country", "XX", "two-letter ISO 3166 country code"),
    (bad(country="JP"), "country", "JP", "has no emergency number we know"),
    (bad(emergency_number="call 999"), "emergency_number", "call 999", "must be the number to dial"),
    (bad(emergency_number="9"), "emergency_number", "9", "must be the number to dial"),
    (bad(phone="call us"), "phone", "call us", "must be a phone number"),
    (bad(feedback_email="nobody"), "feedback_email", "nobody", "must be an email address"),
    (bad(feedback_email="a@b.org?cc=x@y.org"), "feedback_email", "a@b.org?cc", "must be an email address"),
    (bad(booking_url="http://hill.example.org/book"), "booking_url", "http://", "must be a web address starting with https://"),
    (bad(booking_url="javascript:alert(1)"), "booking_url", "javascript:", "must be a web address starting with https://"),
    (bad(booking_url="https://hill.example.org/a)b"), "booking_url", "a)b", "without spaces, brackets or quotes"),
    (bad(logo="../secret.png"), "logo", "../secret.png", "not a path"),
    (bad(logo="missing.png"), "logo", "missing.png", "not in the content folder"),
    (bad(logo="logo.gif"), "logo", "logo.gif", "must be a .png, .jpg, .jpeg, .svg file"),
    (bad(theme="green"), "theme", "green", "must be a [theme] table"),
    (bad(theme={"link_color": "#000000"}), "theme.link_color", "#000000", "is not a theme key we know"),
    (bad(theme={"primary_color": "green"}), "theme.primary_color", "green", "must be #rrggbb"),
    (bad(theme={"primary_color": "#ffff00"}), "theme.primary_color", "#ffff00", "a contrast of 1.07 to 1"),
    (bad(theme={"background_color": "#31333f"}), "theme.background_color", "#31333f", "small grey text"),
    (bad(theme={"text_color": "#777777"}), "theme.text_color", "#777777", "a contrast of 2.24 to 1"),
    # Passes as body text (14.7 to 1) but not faded to 60% as captions are: found by axe in the browser.
    (bad(theme={"text_color": "#1f2937"}), "theme.text_color", "#1f2937", "a contrast of 4.04 to 1"),
]


@pytest.mark.parametrize(
    ("profile", "key", "value", "problem"), BAD_PROFILES, ids=[case[1] + ":" + str(case[2]) for case in BAD_PROFILES]
)
def test_each_bad_key_gives_one_clear_error_naming_it_and_its_value(profile, key, value, problem):
    with pytest.raises(ClinicError) as caught:
        parse_clinic(profile, DATA_DIR)
    error = caught.value
    assert error.key == key
    message = str(error)
    assert message.startswith(f'data/clinic.toml, key "{key}": ')
    assert problem in message
    if value is not None:
        assert f"{value}" in message
    else:
        assert "(found:" not in message


def test_the_clinics_advice_comes_in_the_language_of_the_page(clinic_dir: Path):
    """A banner never puts the clinic's English advice into a Spanish sentence: the Spanish content
    takes urgent_advice_es, and without it Spanish does not load (so it is not offered, H65)."""
    assert load_content(clinic_dir).clinic.urgent_advice.startswith("call NHS 111, or our nurse line")
    assert load_content(clinic_dir, "es").clinic.urgent_advice.startswith("llame al NHS 111 o a nuestra línea")
    path = clinic_dir / CLINIC_FILE
    path.write_text("\n".join(line for line in path.read_text().splitlines() if not line.startswith("urgent_advice_es")))
    assert load_content(clinic_dir).clinic.urgent_advice.startswith("call NHS 111")
    with pytest.raises(ClinicError) as caught:
        load_content(clinic_dir, "es")
    assert str(caught.value) == (
        'data/clinic.toml, key "urgent_advice_es": is missing: give urgent_advice in this language too (language: es)'
    )
    # Without advice of its own, a clinic needs nothing more for another language.
    path.write_text("\n".join(line for line in path.read_text().splitlines() if not line.startswith("urgent_advice")))
    assert load_content(clinic_dir, "es").clinic.urgent_advice == ""


def test_a_broken_profile_stops_the_whole_content_with_one_error(clinic_dir: Path):
    path = clinic_dir / CLINIC_FILE
    path.write_text(path.read_text().replace('country = "GB"', 'country = "United Kingdom"'))
    with pytest.raises(ContentError) as caught:
        load_content(clinic_dir)
    assert str(caught.value).startswith('data/clinic.toml, key "country": must be a two-letter ISO 3166 country code')
    assert "(found: 'United Kingdom')" in str(caught.value)
    assert check_data(["check", str(clinic_dir)]) == 1


def test_a_profile_that_is_not_toml_says_so(clinic_dir: Path):
    (clinic_dir / CLINIC_FILE).write_text('name = "Hill\ncountry = GB\n')
    with pytest.raises(ClinicError, match=r"^data/clinic.toml: is not valid TOML"):
        load_content(clinic_dir)


def test_check_data_names_the_clinic(clinic_dir: Path, capsys: pytest.CaptureFixture[str]):
    assert check_data(["check", str(clinic_dir)]) == 0
    assert "Clinic profile: Riverside Back Care Clinic (GB, emergency number 999)." in capsys.readouterr().out


def test_saving_the_profile_or_its_logo_changes_the_fingerprint(clinic_dir: Path):
    before = data_fingerprint(clinic_dir)
    assert {"clinic.toml", "riverside-logo.png"} <= {name for name, _, _ in before}
    path = clinic_dir / CLINIC_FILE
    path.write_text(path.read_text().replace("01632 960 000", "01632 960 001"))
    assert data_fingerprint(clinic_dir) != before


def test_the_example_documents_every_key_it_can_take():
    example = tomllib.loads(EXAMPLE.read_text())
    commented = EXAMPLE.read_text()
    from components.clinic import OPTIONAL, REQUIRED, THEME_KEYS

    for key in (*REQUIRED, *OPTIONAL):
        assert key in example or f"# {key} = " in commented, key
    assert set(example["theme"]) == set(THEME_KEYS)
