import pytest

from macros import lang


def test_current_language_comes_from_the_build_config():
    assert lang.current({"theme": {"language": "en"}}) == "en"
    assert lang.current({"theme": {"language": "es"}}) == "es"


def test_unknown_language_fails_loudly():
    with pytest.raises(ValueError, match="unsupported language"):
        lang.current({"theme": {"language": "fr"}})


def test_text_looks_up_each_language():
    assert lang.text("es", "check.reset") != lang.text("en", "check.reset")


def test_missing_key_names_the_file():
    with pytest.raises(KeyError, match="strings/en.yml"):
        lang.text("en", "no.such.key")
