"""`python -m components.check_data`: validate data/ exactly as the app does at start-up."""

from __future__ import annotations

import sys
from pathlib import Path

from components.data import ContentError, content_dir, load_content
from components.i18n import catalogue_languages, missing_messages
from components.translations import available_languages


def main(argv: list[str]) -> int:
    directory = Path(argv[1]) if len(argv) > 1 else content_dir()
    languages = available_languages(directory)
    try:
        content = load_content(directory)
        for language in languages[1:]:  # each translation, checked as the app would show it
            load_content(directory, language)
    except ContentError as error:
        print(f"Content check failed: {error}", file=sys.stderr)
        return 1
    print(
        f"Content check passed: {len(content.treatments)} treatments, {len(content.evidence)} guideline stances, "
        f"{len(content.sources)} sources."
        + (
            f" Clinic profile: {content.clinic.name} ({content.clinic.country}, emergency number {content.clinic.emergency_number})."
            if content.clinic
            else ""
        )
        + (f" Translations checked: {', '.join(languages[1:])}." if len(languages) > 1 else "")
    )
    # Interface catalogues: a language with untranslated messages (or a lost {placeholder}) is not offered.
    clinic_locales = directory / "locales" if (directory / "locales").is_dir() else None
    for language in catalogue_languages(clinic_locales):
        missing = missing_messages(language, clinic_locales)
        if missing:
            print(f"Interface catalogue {language}: {len(missing)} messages not translated yet, first: {missing[0]!r}.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
