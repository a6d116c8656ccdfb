"""A clinic's own profile: the optional clinic.toml in the content folder (docs/CONTENT.md).

It names the clinic, its country (and so the emergency number), how to get advice today, how
to book, where feedback goes, a logo and theme colours. Read and validated with the rest of the
content: one clear error naming the key and the value, and nothing used until all of it is right.
Without the file, NO_CLINIC: every page reads exactly as it does for an anonymous deployment.
Pure: no Streamlit.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import quote, urlsplit

from components.errors import ContentError
from components.i18n import N_, _
from components.translations import SOURCE_LANGUAGE

CLINIC_FILE = "clinic.toml"

# The emergency number where `emergency_number` is not given. 112 works in every EU member state
# (alongside any national number); Ireland answers both 112 and 999.
EU_MEMBERS = (  # without Ireland, which has its own line below
    ("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU")
    + ("IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE")
)
EMERGENCY_NUMBERS: dict[str, str] = {
    "GB": "999",
    "US": "911",
    "CA": "911",
    "IE": "112 or 999",
    "AU": "000",
    "NZ": "111",
    **dict.fromkeys(EU_MEMBERS, "112"),
}

REQUIRED = ("name", "country", "reviewed_by")
OPTIONAL = ("emergency_number", "urgent_advice", "phone", "booking_url", "feedback_email", "logo")
# The clinic's own advice in another language: `urgent_advice_es` for Spanish (ISO 639-1 code).
ADVICE_IN = re.compile(r"urgent_advice_([a-z]{2})")
THEME_KEYS = {  # clinic.toml [theme] key -> Streamlit's theme option
    "primary_color": "primaryColor",
    "background_color": "backgroundColor",
    "text_color": "textColor",
}
# Every Streamlit theme option a clinic profile may set.
THEME_OPTIONS = (*THEME_KEYS.values(), "linkColor", "grayTextColor")
# The app's own colours (.streamlit/config.toml [theme]), which a clinic's are checked against when it sets only some.
APP_COLOURS = {"primary_color": "#1d4ed8", "background_color": "#ffffff", "text_color": "#111827"}
# Streamlit 1.67 draws captions (the disclaimer, the privacy notes) in the text colour at 60% opacity.
CAPTION_OPACITY = 0.6
LOGO_TYPES = (".png", ".jpg", ".jpeg", ".svg")
LOGO_MAX_BYTES = 1_000_000
# WCAG 2.1 AA: normal text needs 4.5:1 against its background. The primary colour is used for
# buttons, links and widget highlights, so it is held to the same bar.
MIN_CONTRAST = 4.5

FEEDBACK_SUBJECT = N_("What was unclear in the back pain app")


class ClinicError(ContentError):
    """One problem in clinic.toml, naming the key and the value found."""

    def __init__(self, key: str | None, value: object, problem: str):
        self.file, self.row, self.column, self.more = CLINIC_FILE, None, key, 0
        self.key, self.value, self.problem = key, value, problem
        where = f'data/{CLINIC_FILE}, key "{key}"' if key else f"data/{CLINIC_FILE}"
        found = "" if value is None else f" (found: {str(value)[:80]!r})"
        ValueError.__init__(self, f"{where}: {problem}{found}")


@dataclass(frozen=True)
class Clinic:
    """A validated profile. The empty profile (NO_CLINIC) means: no clinic, the app as it ships."""

    name: str = ""
    country: str = ""
    reviewed_by: str = ""
    emergency_number: str = ""  # as given, or the country's default
    urgent_advice: str = ""
    urgent_advice_in: Mapping[str, str] = field(default_factory=dict)  # language code -> the advice in it
    phone: str = ""
    booking_url: str = ""
    feedback_email: str = ""
    logo: Path | None = None
    theme: Mapping[str, str] = field(default_factory=dict)  # Streamlit theme option -> colour

    def __bool__(self) -> bool:
        return bool(self.name)

    def in_language(self, language: str) -> Clinic:
        """The profile with its advice in `language`. A clinic that gives `urgent_advice` gives it in each
        language it offers (`urgent_advice_es`): a banner never puts English advice in a Spanish sentence,
        so without it the language cannot load and is not offered."""
        if language == SOURCE_LANGUAGE or not self.urgent_advice:
            return self
        if language not in self.urgent_advice_in:
            key = f"urgent_advice_{language}"
            raise ClinicError(key, None, f"is missing: give urgent_advice in this language too (language: {language})")
        return replace(self, urgent_advice=self.urgent_advice_in[language])

    @property
    def booking(self) -> str:
        """How to book, as Markdown (every value was validated to be plain; the name is escaped by callers)."""
        ways = []
        if self.phone:
            ways.append(_("call {phone}").format(phone=self.phone))
        if self.booking_url:
            ways.append(_("[book online]({url})").format(url=self.booking_url))
        return (" " + _("or") + " ").join(ways)

    def introduction(self, escape: Callable[[str], str]) -> str:
        """Start here and My visit: who this app is from and how to book, as Markdown (`escape` makes the name literal)."""
        booking = " " + _("To book an appointment, {booking}.").format(booking=self.booking) if self.booking else ""
        return _("**This app is provided by {clinic}.**").format(clinic=escape(self.name)) + booking

    @property
    def contact_lines(self) -> tuple[tuple[str, str], ...]:
        """The clinic's name and how to reach it, as (label, text) pairs for the downloads."""
        emergency = _("call {number}").format(number=number_in_words(self.emergency_number)) if self.emergency_number else ""
        pairs = [
            (_("Clinic"), self.name),
            (_("Phone"), self.phone),
            (_("Book online"), self.booking_url),
            (_("Advice today"), _sentence_start(self.urgent_advice)),
            (_("In an emergency"), emergency),
        ]
        return tuple((label, text) for label, text in pairs if text)

    def feedback_link(self, page_title: str) -> str:
        """A mailto: link with a subject and the page's name only: nothing about the person goes in it,
        and nothing is sent until they send the email themselves."""
        body = _("Page: {page}").format(page=page_title) + "\n\n" + _("What was unclear:") + "\n"
        subject = _(FEEDBACK_SUBJECT)
        return f"mailto:{self.feedback_email}?subject={quote(subject)}&body={quote(body)}"


NO_CLINIC = Clinic()


def number_in_words(number: str) -> str:
    """A clinic's emergency number in this run's language: "112 or 999" has a word in it."""
    first, joined, last = number.partition(" or ")
    return _("{first} or {last}").format(first=first, last=last) if joined else number


def load_clinic(directory: Path) -> Clinic:
    """clinic.toml from the content folder, validated; NO_CLINIC when there is none."""
    path = directory / CLINIC_FILE
    if not path.exists():
        return NO_CLINIC
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ClinicError(None, None, f"is not valid TOML: {error}") from None
    return parse_clinic(raw, directory)


def parse_clinic(raw: Mapping[str, object], directory: Path) -> Clinic:
    """Check every key of a parsed clinic.toml; raise ClinicError on the first problem."""
    known = (*REQUIRED, *OPTIONAL, "theme")
    for key in raw:
        if key not in known and not ADVICE_IN.fullmatch(key):
            raise ClinicError(
                key,
                raw[key],
                "is not a key we know. The keys are: "
                + ", ".join(known)
                + ", and urgent_advice_<language> (such as urgent_advice_es)",
            )
    for key in REQUIRED:
        if key not in raw:
            raise ClinicError(key, None, "is missing: every clinic profile needs name, country and reviewed_by")
    values = {key: _text(key, raw[key]) for key in (*REQUIRED, *OPTIONAL) if key in raw}
    country = _country(values["country"])
    number = values.get("emergency_number") or EMERGENCY_NUMBERS.get(country, "")
    if "emergency_number" in values:
        _check(
            "emergency_number",
            number,
            re.fullmatch(r"\d{2,4}( or \d{2,4})?", number),
            "must be the number to dial, such as 999, or two such as 112 or 999",
        )
    elif not number:
        raise ClinicError(
            "country", country, "has no emergency number we know: add emergency_number with the number to dial there"
        )
    for key, pattern, problem in (
        ("phone", r"\+?[0-9][0-9 ()-]{4,24}", "must be a phone number: digits, spaces, brackets, dashes and a leading +"),
        ("feedback_email", r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+", "must be an email address"),
    ):
        if key in values:
            _check(key, values[key], re.fullmatch(pattern, values[key]), problem)
    if "booking_url" in values:
        _check_url(values["booking_url"])
    for key in raw:
        if ADVICE_IN.fullmatch(key):
            _check(
                key, raw[key], "urgent_advice" in values, "is the advice in another language: give urgent_advice (in English) too"
            )
    return Clinic(
        name=values["name"],
        country=country,
        reviewed_by=values["reviewed_by"],
        emergency_number=number,
        urgent_advice=values.get("urgent_advice", ""),
        urgent_advice_in={
            ADVICE_IN.fullmatch(key)[1]: _text(key, value)  # type: ignore[index]
            for key, value in raw.items()
            if ADVICE_IN.fullmatch(key)
        },
        phone=values.get("phone", ""),
        booking_url=values.get("booking_url", ""),
        feedback_email=values.get("feedback_email", ""),
        logo=_logo(values["logo"], directory) if "logo" in values else None,
        theme=_theme(raw.get("theme", {})),
    )


def _check(key: str, value: object, ok: object, problem: str) -> None:
    if not ok:
        raise ClinicError(key, value, problem)


def _text(key: str, value: object) -> str:
    """A plain, one-line, non-empty text: shown as Markdown, so no HTML and no Markdown links."""
    _check(key, value, isinstance(value, str), "must be text in quotes")
    text = str(value).strip()
    _check(key, value, text, "must not be empty")
    _check(key, value, len(text) <= 200, "must be at most 200 characters")
    _check(key, value, not re.search(r"[\x00-\x1f<>]|\]\(", text), "must be plain text on one line: no HTML and no links")
    return text


def _country(code: str) -> str:
    import pycountry  # imported only when a clinic profile is used

    _check(
        "country",
        code,
        re.fullmatch(r"[A-Z]{2}", code) and pycountry.countries.get(alpha_2=code),
        "must be a two-letter ISO 3166 country code in capitals, such as GB, US or IE",
    )
    return code


def _check_url(url: str) -> None:
    parts = urlsplit(url)
    _check(
        "booking_url",
        url,
        parts.scheme == "https" and parts.hostname and not re.search(r"[\s()<>\"'\\\[\]]", url),
        "must be a web address starting with https://, without spaces, brackets or quotes",
    )


def _logo(name: str, directory: Path) -> Path:
    path = directory / name
    _check("logo", name, Path(name).name == name, "must be the name of a file in the content folder, not a path")
    _check("logo", name, path.suffix.lower() in LOGO_TYPES, "must be a " + ", ".join(LOGO_TYPES) + " file")
    _check("logo", name, path.is_file(), "names a file that is not in the content folder")
    _check("logo", name, path.stat().st_size <= LOGO_MAX_BYTES, "must be at most 1 MB")
    return path


def _theme(raw: object) -> dict[str, str]:
    _check("theme", raw, isinstance(raw, dict), "must be a [theme] table")
    assert isinstance(raw, dict)
    for key, value in raw.items():
        _check(f"theme.{key}", value, key in THEME_KEYS, "is not a theme key we know: " + ", ".join(THEME_KEYS))
        _check(f"theme.{key}", value, isinstance(value, str) and re.fullmatch(r"#[0-9a-fA-F]{6}", value), "must be #rrggbb")
    colours = {**APP_COLOURS, **{key: value.lower() for key, value in raw.items()}}
    background = colours["background_color"]
    for key, what, colour in (
        (
            "text_color",
            "small grey text (the text colour faded, as Streamlit draws captions)",
            blend(colours["text_color"], background, CAPTION_OPACITY),
        ),
        ("primary_color", "the primary colour", colours["primary_color"]),
    ):
        ratio = contrast(colour, background)
        if ratio < MIN_CONTRAST and (key in raw or "background_color" in raw):
            shown = key if key in raw else "background_color"
            raise ClinicError(
                f"theme.{shown}",
                raw.get(shown),
                f"gives {what} on the background a contrast of {ratio:.2f} to 1; "
                f"at least {MIN_CONTRAST} to 1 is needed so everyone can read it",
            )
    theme = {THEME_KEYS[key]: value.lower() for key, value in raw.items()}
    # Links take the primary colour, and captions the text colour (Streamlit would otherwise fade the
    # clinic's text colour for captions, below 4.5 to 1); both were checked above.
    if "primary_color" in raw:
        theme["linkColor"] = theme["primaryColor"]
    if "text_color" in raw:
        theme["grayTextColor"] = theme["textColor"]
    return theme


def blend(colour: str, background: str, opacity: float) -> str:
    """The #rrggbb a colour shows as at this opacity over a background."""
    channels = (round(opacity * int(colour[i : i + 2], 16) + (1 - opacity) * int(background[i : i + 2], 16)) for i in (1, 3, 5))
    return "#" + "".join(f"{c:02x}" for c in channels)


def contrast(first: str, second: str) -> float:
    """The WCAG 2.1 contrast ratio of two #rrggbb colours (1 to 21)."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: str) -> float:
    def channel(hex_pair: str) -> float:
        c = int(hex_pair, 16) / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _sentence_start(text: str) -> str:
    return text[:1].upper() + text[1:] if text else ""
