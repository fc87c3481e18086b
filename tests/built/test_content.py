"""The guide's content rules, on the built site of both languages: chapters open
with an "in short" box and end with a checklist, show reading time and review
date, link glossary terms, reach a minimum length, and carry no leftovers."""
import re

import pytest

from tests.built.site_pages import article, page_file, pages_of, soup_of
from tests.conftest import ROOT

CHAPTERS = ["start-here", "expectations", "before-hiring", "choosing", "guarantees", "rules", "contract",
            "first-report", "urgent-projects", "revenue-share", "conflicts"]
GLOSSARY_LINKED = [f"{page}/" for page in CHAPTERS + ["about", "calculators"]] + [f"calculators/{c}/" for c in (
    "turnaround", "response-time", "client-delay", "penalty", "revenue-share", "cost-of-sale")]
MIN_WORDS = 300
CYRILLIC = re.compile("[\u0400-\u04ff]")
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
LANGS = ("es", "en")


def prose(soup):
    """The page's own unlinked prose: no calculator widgets, headings, checklist tools, code,
    print-only extras (the link list spells out URLs), or link text (a term inside a link
    already leads somewhere)."""
    body = article(soup).__copy__()
    for el in body.select(".calc, h1, h2, h3, h4, h5, h6, .page-meta, .check-tools, .headerlink, script, code, a, "
                          ".print-links, .print-qr"):
        el.decompose()
    return body


def glossary_terms(site, code) -> dict[str, str]:
    soup = soup_of(page_file(site, code, "glossary/"))
    return {h2["id"]: h2.get_text(" ", strip=True).rstrip("¶#").strip() for h2 in article(soup).select("h2[id]")}


@pytest.mark.parametrize("code", LANGS)
def test_every_page_has_at_least_300_words(site_dir, code):
    short = {}
    for path in pages_of(site_dir, code):
        words = len(WORD.findall(article(soup_of(page_file(site_dir, code, path))).get_text(" ")))
        if words < MIN_WORDS:
            short[path or "home"] = words
    assert not short, short


@pytest.mark.parametrize("code", LANGS)
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_opens_with_in_short_ends_with_checklist_and_dates(site_dir, code, chapter):
    body = article(soup_of(page_file(site_dir, code, f"{chapter}/")))
    first_block = body.find("h1").find_next_sibling(lambda tag: "page-meta" not in tag.get("class", []))
    assert first_block is not None and "abstract" in first_block.get("class", []), f"{chapter}: no 'in short' box"
    assert body.select_one("h2#checklist"), f"{chapter}: no checklist heading"
    items = body.select("h2#checklist ~ ul.check-list li.check-item")
    assert len(items) >= 4, f"{chapter}: checklist has {len(items)} items"
    meta = body.select_one("p.page-meta")
    assert meta and meta.find("time"), f"{chapter}: no reading time / review date"


@pytest.mark.parametrize("code", LANGS)
def test_glossary_terms_used_in_chapters_link_to_the_glossary(site_dir, code):
    terms = glossary_terms(site_dir, code)
    assert len(terms) >= 20
    missing = {}
    for path in GLOSSARY_LINKED:
        soup = soup_of(page_file(site_dir, code, path))
        text = prose(soup).get_text(" ").lower()
        linked = {a["href"].split("#")[-1] for a in article(soup).find_all("a", href=True)
                  if "glossary/" in a["href"] and "#" in a["href"]}
        used = {term_id for term_id, term in terms.items()
                if re.search(rf"(?<!\w){re.escape(term.lower())}(?!\w)", text)}
        if used - linked:
            missing[path] = sorted(terms[t] for t in used - linked)
    assert not missing, missing


def test_glossary_has_the_same_terms_in_both_languages(site_dir):
    assert list(glossary_terms(site_dir, "es")) == list(glossary_terms(site_dir, "en"))


@pytest.mark.parametrize("code", LANGS)
def test_no_cyrillic_todo_or_macro_residue_in_the_built_site(site_dir, code):
    found = []
    for path in pages_of(site_dir, code):
        html_text = article(soup_of(page_file(site_dir, code, path))).get_text(" ")
        for label, pattern in (("Cyrillic", CYRILLIC), ("TODO", re.compile(r"\bTODO\b")),
                               ("macro residue", re.compile(r"\{\{|\}\}|\{%|%\}"))):
            if pattern.search(html_text):
                found.append(f"{code}/{path}: {label}")
    assert not found, found


def test_no_cyrillic_in_the_sources():
    offenders = [p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").rglob("*.md")
                 if CYRILLIC.search(p.read_text(encoding="utf-8"))]
    offenders += [p.name for p in (ROOT / "macros" / "strings").glob("*.yml")
                  if CYRILLIC.search(p.read_text(encoding="utf-8"))]
    assert not offenders


@pytest.mark.parametrize("code", LANGS)
def test_home_leads_with_the_readers_choice_and_maps_every_chapter_as_a_card(site_dir, code):
    home = article(soup_of(page_file(site_dir, code, "")))
    headings = [h2["id"] for h2 in home.select("h2[id]")]
    assert headings[:2] == ["paths", "essentials"], headings
    choice = [a["href"] for a in home.select(".tc-cards--choice li > p:first-child a")]
    assert choice == ["start-here/#client-path", "start-here/#specialist-path"]
    mapped = {a["href"].rstrip("/") for a in home.select("h2#map ~ .tc-cards li > p:first-child a")}
    assert {c for c in CHAPTERS if c != "start-here"} <= mapped, sorted(mapped)
    for card in home.select(".tc-cards li"):  # a title and its one-line promise
        assert len(card.find_all("p", recursive=False)) == 2, card.get_text(" ", strip=True)[:60]
    assert len(home.select(".essentials li .md-button")) >= 6
