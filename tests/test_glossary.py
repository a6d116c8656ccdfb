from components.data import load_content
from components.glossary import terms_in

GLOSSARY = load_content().glossary


def test_terms_are_found_in_any_form_as_whole_words():
    found = terms_in(GLOSSARY, ["Leg pain after a laminectomy; an NSAID helped.", "We went dancing at a disco."])
    assert list(found["term"]) == ["NSAIDs", "decompression"]


def test_every_term_in_the_glossary_has_a_plain_explanation():
    assert GLOSSARY["explanation"].str.split().str.len().between(5, 40).all()
