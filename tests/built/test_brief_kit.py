"""The brief, the templates and the sample requests as built, in both languages."""
import json

import pytest

from macros.pagemeta import word_count
from tests.built.site_pages import article, page_file, soup_of

TEMPLATES = ["templates/first-request/", "templates/work-plan/", "templates/rules-of-interaction/",
             "templates/contract-checklist/", "templates/report/"]
PAGES = ["brief/", "sample-requests/", "templates/", *TEMPLATES]
LANGS = ["es", "en"]


@pytest.mark.parametrize("code", LANGS)
@pytest.mark.parametrize("path", PAGES)
def test_page_has_at_least_400_words_of_its_own(site_dir, code, path):
    body = article(soup_of(page_file(site_dir, code, path)))
    text = " ".join(el.get_text(" ") for el in body.find_all(["p", "li", "td", "th", "h2", "h3"])
                    if not el.find_parent(class_=["brief-paper", "brief-form"]))
    assert word_count(text) >= 400, f"{code}/{path}: {word_count(text)} words"


@pytest.mark.parametrize("code", LANGS)
@pytest.mark.parametrize("path", TEMPLATES)
def test_every_template_page_has_a_named_template_with_its_toolbar(site_dir, code, path):
    body = article(soup_of(page_file(site_dir, code, path)))
    templates = body.select("div.tpl[data-tpl]")
    assert templates, path
    for tpl in templates:
        tools = body.select(f'.tpl-tools[data-tpl-for="{tpl["data-tpl"]}"]')
        assert tools and tools[0].select_one('[data-action="copy"]'), tpl["data-tpl"]


def test_work_plan_has_an_example_of_six_to_eight_rows_and_a_blank_version(site_dir):
    for code in LANGS:
        body = article(soup_of(page_file(site_dir, code, "templates/work-plan/")))
        example = body.select('[data-tpl="work-plan-example"] tbody tr')
        blank = body.select('[data-tpl="work-plan-blank"] tbody tr')
        assert 6 <= len(example) <= 8 and len(blank) >= 6
        # no., stage, owner, deadline, deliverable
        assert len(body.select('[data-tpl="work-plan-example"] thead th')) == 5
        assert all(not td.get_text(strip=True) for tr in blank for td in tr.find_all("td")[1:])


def test_contract_checklist_is_tickable_by_party_with_a_copy_ticked_button(site_dir):
    for code in LANGS:
        body = article(soup_of(page_file(site_dir, code, "templates/contract-checklist/")))
        tpl = body.select_one('[data-tpl="contract-checklist"]')
        parties = [h["id"] for h in tpl.select("h3")]
        assert parties[:4] == ["specialist-duties", "specialist-rights", "client-duties", "client-rights"]
        assert {"late-penalty", "information-deadline", "deemed-accepted", "partial-refund", "publish-case",
                "confidentiality", "subcontractors"} <= {li["id"] for li in tpl.select("li.check-item")}
        assert body.select_one('.tpl-tools [data-action="copy-ticked"]')


@pytest.mark.parametrize("code", LANGS)
def test_sample_requests_has_at_least_eight_samples_with_stable_ids(site_dir, code):
    body = article(soup_of(page_file(site_dir, code, "sample-requests/")))
    samples = [h for h in body.select("h2[id]") if h.get_text().strip()[:1].isdigit()]
    assert len(samples) >= 8
    ids = {h["id"] for h in samples}
    assert {"perfume-shop", "lead-cost-200", "just-promote-us"} <= ids
    text = body.get_text(" ")
    assert "200" in text and "150" in text and "30" in text and "Facebook" in text


@pytest.mark.parametrize("code", LANGS)
def test_brief_warnings_point_at_samples_that_exist(site_dir, code):
    data = json.loads(article(soup_of(page_file(site_dir, code, "brief/"))).select_one("script.brief-data").string)
    samples = {h["id"] for h in article(soup_of(page_file(site_dir, code, "sample-requests/"))).select("[id]")}
    for warning in data["warn"].values():
        assert warning["href"].startswith("../sample-requests/#")
        assert warning["href"].split("#")[1] in samples
