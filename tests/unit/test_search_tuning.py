import pytest

from macros import search

INDEX = {
    "config": {"lang": ["es"], "separator": "[\\s\\-]+"},
    "docs": [
        {"location": "", "title": "Trato claro", "text": ""},
        {"location": "calculators/", "title": "Calculadoras", "text": ""},
        {"location": "calculators/penalty/", "title": "Penalización por retraso", "text": ""},
        {"location": "calculators/penalty/#how", "title": "Cómo", "text": ""},
        {"location": "brief/", "title": "Prepara tu brief", "text": ""},
        {"location": "templates/report/", "title": "Informe", "text": "", "tags": ["Mes"]},
    ],
}


def test_tool_pages_are_tagged_with_their_kind_but_not_their_sections_or_index_pages():
    tags = {doc["location"]: doc.get("tags") for doc in search.tune(INDEX, "es")["docs"]}
    assert tags == {
        "": None, "calculators/": None, "calculators/penalty/": ["Calculadora"],
        "calculators/penalty/#how": None, "brief/": ["Generador"], "templates/report/": ["Mes", "Plantilla"],
    }


@pytest.mark.parametrize("code", ["es", "en"])
def test_synonyms_go_into_the_config_and_nothing_else_changes(code):
    tuned = search.tune(INDEX, code)
    assert tuned["config"]["synonyms"] == search.tuning(code)["synonyms"]
    assert {k: v for k, v in tuned["config"].items() if k != "synonyms"} == INDEX["config"]
    assert [doc["title"] for doc in tuned["docs"]] == [doc["title"] for doc in INDEX["docs"]]


def test_both_languages_tag_the_same_tools():
    assert search.tuning("es")["tools"].keys() == search.tuning("en")["tools"].keys()
    for kind in ("under", "pages"):
        assert search.tuning("es")["tools"][kind].keys() == search.tuning("en")["tools"][kind].keys()


def test_a_phrase_as_synonym_is_refused(tmp_path, monkeypatch):
    bad = tmp_path / "search.yml"
    bad.write_text("es:\n  synonyms: [[fecha límite, plazo]]\n  tools: {under: {}, pages: {}}\n", encoding="utf-8")
    monkeypatch.setattr(search, "TUNING", bad)
    search.tuning.cache_clear()
    try:
        with pytest.raises(ValueError, match="single words"):
            search.tuning("es")
    finally:
        search.tuning.cache_clear()
