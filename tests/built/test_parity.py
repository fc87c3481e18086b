"""Both languages, always: same pages, same anchors, same checklist items, same string keys."""
import yaml
from babel import Locale

from macros import lang
from tests.built.site_pages import article, content_anchors, page_file, pages_of, soup_of
from tests.conftest import ROOT


def test_same_source_pages_in_both_languages():
    es = {p.relative_to(ROOT / "docs/es").as_posix() for p in (ROOT / "docs/es").rglob("*.md")}
    en = {p.relative_to(ROOT / "docs/en").as_posix() for p in (ROOT / "docs/en").rglob("*.md")}
    assert es - en == set(), f"only in Spanish: {sorted(es - en)}"
    assert en - es == set(), f"only in English: {sorted(en - es)}"


def test_same_built_pages_in_both_languages(site_dir):
    assert pages_of(site_dir, "es") == pages_of(site_dir, "en")


def test_same_heading_and_item_anchors_on_every_page(site_dir):
    mismatched = {}
    for path in pages_of(site_dir, "es"):
        es = content_anchors(soup_of(page_file(site_dir, "es", path)))
        en = content_anchors(soup_of(page_file(site_dir, "en", path)))
        if es != en:
            mismatched[path or "home"] = {"only es": sorted(es - en), "only en": sorted(en - es)}
    assert not mismatched, mismatched


def test_same_checklist_items_on_every_page(site_dir):
    for path in pages_of(site_dir, "es"):
        items = {
            code: [li["id"] for li in article(soup_of(page_file(site_dir, code, path))).select("li.check-item")]
            for code in lang.LANGUAGES
        }
        assert items["es"] == items["en"], f"{path}: {items}"


def test_same_calculators_on_every_page(site_dir):
    for path in pages_of(site_dir, "es"):
        embeds = {
            code: [el["data-calc"] for el in article(soup_of(page_file(site_dir, code, path))).select("[data-calc]")]
            for code in lang.LANGUAGES
        }
        assert embeds["es"] == embeds["en"], f"{path}: {embeds}"


def plural_categories(code: str) -> set[str]:
    return {tag for tag, _ in Locale.parse(lang.LOCALES[code]).plural_form.abstract} | {"other"}


def test_strings_files_have_the_same_keys():
    """Same keys in both, but for the plural forms (key.one, key.many…): each language has
    exactly the categories its CLDR plural rule knows, for every counted word."""
    keys = {code: set(yaml.safe_load((lang.STRINGS_DIR / f"{code}.yml").read_text(encoding="utf-8")))
            for code in lang.LANGUAGES}
    all_categories = {"zero", "one", "two", "few", "many", "other"}
    for code in lang.LANGUAGES:
        forms = {}
        for key in keys[code]:
            stem, _, category = key.rpartition(".")
            if category in all_categories:
                forms.setdefault(stem, set()).add(category)
        assert forms, "no plural forms found"
        assert {stem: cats for stem, cats in forms.items() if cats != plural_categories(code)} == {}, code
        keys[code] = {k for k in keys[code] if k.rpartition(".")[2] not in all_categories - {"one", "other"}}
    assert keys["es"] - keys["en"] == set(), f"only in es.yml: {sorted(keys['es'] - keys['en'])}"
    assert keys["en"] - keys["es"] == set(), f"only in en.yml: {sorted(keys['en'] - keys['es'])}"


# Strings that are rightly the same in both languages: names of countries and
# currencies, and unit formats.
SAME_IN_BOTH = {
    "calc.common.no", "calc.unit.hours_minutes", "calc.option.country.AR", "calc.option.country.CO",
    "calc.option.country.CL", "calc.option.cur.EUR",
    "calc.common.summary_item",  # "{label}: {value}", a format
    "calc.unit.leads.one", "calc.unit.leads.other",  # "lead" is the word Spanish marketers use too
}


def test_no_string_is_empty_or_left_untranslated():
    es, en = lang.strings("es"), lang.strings("en")
    assert all(v.strip() for v in [*es.values(), *en.values()])
    # Identical text in both is suspicious unless it is language-neutral (numbers, symbols, names).
    same = {k for k in es if es[k] == en.get(k) and any(c.isalpha() for c in es[k]) and len(es[k]) > 3}
    assert same <= SAME_IN_BOTH, f"same text in both languages: {sorted(same - SAME_IN_BOTH)}"
