"""After one visit, every page of that language opens with the network off (service worker)."""
import functools
import json
import re
import shutil
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from macros import offline
from tests.conftest import LANG_PREFIX, OFFLINE_WORKER, ROOT, screenshot
from tests.e2e.test_every_page import overflow, violations
from tools import serve

pytestmark = [pytest.mark.e2e, OFFLINE_WORKER]  # the offline worker is what they test

HOME_TITLE = {"es": "Trato claro", "en": "Clear Deal"}


def wait_for_offline_ready(page, root: str):
    """This language's worker (root + sw.js) is active, so its precache is complete, and controls the page."""
    # A function, not an expression string: the page's CSP forbids eval of strings.
    page.wait_for_function("(url) => navigator.serviceWorker.controller?.scriptURL === url",
                           arg=root + "sw.js", timeout=20_000)


def search(page, query: str) -> int:
    page.locator("label.md-header__button[for='__search']").tap()
    field = page.locator("input.md-search__input")
    field.press_sequentially(query)
    meta = page.locator(".md-search-result__meta")
    expect(meta).not_to_have_text(re.compile("Inicializando|Initializing"), timeout=15_000)
    page.wait_for_timeout(300)
    return page.locator(".md-search-result__item").count()


@pytest.mark.parametrize("code", ["es", "en"])
def test_every_page_of_the_language_opens_offline_after_one_visit(page, context, base_url, site_dir, code):
    from tests.conftest import pages_of

    root = base_url + LANG_PREFIX[code]
    page.goto(root + "expectations/")
    wait_for_offline_ready(page, root)
    context.set_offline(True)
    try:
        for path in pages_of(site_dir, code):
            page.goto(root + path)
            expect(page.locator("html")).to_have_attribute("lang", code)
            expect(page.locator("article h1")).to_be_visible()
        page.goto(root + "calculators/penalty/?days=3#how-it-works")  # query and hash of a shared link
        expect(page.locator(".calc [name='days']")).to_have_value("3")  # the link's value reached the form
        expect(page.locator("#how-it-works")).to_be_attached()  # the fragment names a real heading
        screenshot(page, f"offline-{code}-calculator")
        # A country's holidays are fetched on demand: the worker has them too.
        page.goto(root + "calculators/turnaround/?country=ES")
        expect(page.locator(".calc-result[aria-busy='false'] .calc-out--main").first).to_be_visible()
        expect(page.locator(".calc-warning")).to_have_count(0)
        page.goto(root)
        expect(page).to_have_title(HOME_TITLE[code])
        assert search(page, "especialista" if code == "es" else "specialist") > 0, "search found nothing offline"
    finally:
        context.set_offline(False)


OTHER = {"es": "en", "en": "es"}
UNSAVED_TITLE = {"es": "Esta página aún no está guardada", "en": "This page is not saved yet"}
SAVE_DATA = "Object.defineProperty(Navigator.prototype, 'connection', { get: () => ({ saveData: true }) })"


def wait_for_worker(page, scope: str, script: str):
    """A worker of that scope (not necessarily this page's) is active: its precache is complete."""
    check = """([scope, script]) => navigator.serviceWorker.getRegistration(scope)
        .then((r) => r?.active?.state === "activated" && r.active.scriptURL === script)"""
    for _ in range(150):  # page.evaluate waits for the promise; wait_for_function would not
        if page.evaluate(check, [scope, script]):
            return
        page.wait_for_timeout(200)
    raise AssertionError(f"no active worker {script} for {scope}")


def switch_language(page, code: str):
    """The header's language link, as a tap on it would follow it (it sits in a hover menu)."""
    with page.expect_navigation():
        page.locator(f"a.md-select__link[hreflang='{code}']").dispatch_event("click")


def cached_urls(page) -> list[str]:
    return page.evaluate("""async () => {
        const urls = [];
        for (const name of await caches.keys()) {
            for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
        }
        return urls;
    }""")


def expect_unsaved_page(page, code: str):
    expect(page.locator("html")).to_have_attribute("lang", code)
    expect(page.locator("h1")).to_have_text(UNSAVED_TITLE[code])


@pytest.mark.parametrize("code", ["es", "en"])
def test_after_one_visit_the_other_language_opens_offline_too(page, context, base_url, code):
    root, other_root = base_url + LANG_PREFIX[code], base_url + LANG_PREFIX[OTHER[code]]
    page.goto(root + "expectations/")
    wait_for_offline_ready(page, root)
    wait_for_worker(page, other_root, other_root + "sw.js")  # saved once this language was
    urls = cached_urls(page)
    assert [url for url in urls if "/en/" in url] and [url for url in urls if "/en/" not in url], "one language saved"
    context.set_offline(True)
    try:
        switch_language(page, OTHER[code])
        expect(page).to_have_url(other_root + "expectations/")
        expect(page.locator("html")).to_have_attribute("lang", OTHER[code])
        expect(page.locator("article h1")).to_be_visible()
        switch_language(page, code)
        expect(page.locator("html")).to_have_attribute("lang", code)
        expect(page.locator("article h1")).to_be_visible()
    finally:
        context.set_offline(False)


def test_english_not_saved_yet_says_so_in_english_offline(page, context, copied_site):
    site, base_url, _ = copied_site
    (site / "en" / "sw.js").unlink()  # the English guide never gets saved (a route does not stop the worker's fetch)
    page.goto(base_url + "expectations/")
    wait_for_offline_ready(page, base_url)
    assert cached_urls(page) and not [url for url in cached_urls(page) if "/en/" in url], "English in the Spanish cache"
    context.set_offline(True)
    try:
        switch_language(page, "en")
        expect_unsaved_page(page, "en")
        screenshot(page, "offline-unsaved-en-light")
        page.emulate_media(color_scheme="dark")
        screenshot(page, "offline-unsaved-en-dark")
        page.emulate_media(color_scheme="light")
        page.get_by_role("link", name="Lee esta guía en español").click()  # back to what is saved
        expect(page).to_have_url(base_url)
        expect(page).to_have_title(HOME_TITLE["es"])
    finally:
        context.set_offline(False)


OTHER_HOME_LINK = {"es": "Read this guide in English", "en": "Lee esta guía en español"}


@pytest.mark.parametrize("code", ["es", "en"])
def test_switching_language_offline_before_the_other_is_saved_says_so_in_that_language(page, context, copied_site,
                                                                                       code):
    """A reader opens one language only and the other's download never completes (here: one of
    its pages is missing, so its whole install fails). A worker's scope ends at its root, so
    the English worker cannot answer for the Spanish pages: the other language's light worker
    (its not-saved pages only) must be there, registered at once on the first visit."""
    site, base_url, _ = copied_site
    other = OTHER[code]
    root, other_root = base_url + LANG_PREFIX[code], base_url + LANG_PREFIX[other]
    (site / LANG_PREFIX[other] / "guarantees" / "index.html").unlink()
    page.goto(root + "expectations/")
    wait_for_offline_ready(page, root)
    wait_for_worker(page, other_root, other_root + "sw.js?light")
    saved = cached_urls(page)
    assert other_root + f"offline/{other}.html" in saved and other_root + "expectations/" not in saved
    context.set_offline(True)
    try:
        switch_language(page, other)
        expect_unsaved_page(page, other)
        screenshot(page, f"offline-unsaved-{other}-from-{code}")
        page.get_by_role("link", name=OTHER_HOME_LINK[other]).click()  # back to what is saved
        expect(page).to_have_url(root)
        expect(page).to_have_title(HOME_TITLE[code])
    finally:
        context.set_offline(False)


@pytest.mark.parametrize("code", ["es", "en"])
def test_a_reader_saving_data_gets_not_saved_pages_offline_never_the_browser_error(page, context, base_url, code):
    page.add_init_script(SAVE_DATA)
    root, other = base_url + LANG_PREFIX[code], OTHER[code]
    page.goto(root + "expectations/")
    page.wait_for_function("(url) => navigator.serviceWorker.controller?.scriptURL === url",
                           arg=root + "sw.js?light", timeout=20_000)
    other_root = base_url + LANG_PREFIX[other]
    wait_for_worker(page, other_root, other_root + "sw.js?light")
    saved = {url.removeprefix(base_url) for url in cached_urls(page)}
    light_files = ("offline/es.html", "offline/en.html", "assets/css/offline.css", "__revisions__", "__older-pages__")
    light = {f"{prefix}{file}" for prefix in ("", "en/") for file in light_files}
    assert saved and saved <= light, saved - light  # nothing of the guide itself
    context.set_offline(True)
    try:
        response = page.goto(root + "guarantees/")
        assert response.status == 503
        expect_unsaved_page(page, code)
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            screenshot(page, f"offline-unsaved-{code}-save-data-{scheme}")
            assert violations(page) == [], scheme
        page.set_viewport_size({"width": 320, "height": 568})
        assert overflow(page) <= 0
        page.goto(other_root + "guarantees/")
        expect_unsaved_page(page, other)
    finally:
        context.set_offline(False)


def record_requests(server) -> list[str]:
    """The paths the server is asked for from now on (the workers' downloads included)."""
    asked, handler = [], server.RequestHandlerClass  # functools.partial(Handler, directory=…)

    class Recording(handler.func):
        def send_head(self):
            asked.append(urlsplit(self.path).path)
            return super().send_head()

    server.RequestHandlerClass = functools.partial(Recording, *handler.args, **handler.keywords)
    return asked


@pytest.fixture
def copied_site(site_dir, tmp_path):
    """A copy of the built site we can rebuild in place, served on its own port."""
    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy)
    server, url = serve.start_background(copy)
    yield copy, url, server
    server.shutdown()


def cache_names(page) -> list[str]:
    """The English worker's caches of page files, one per version (not its bookkeeping): the
    rebuild tests update the English pages (the Spanish worker, saved too, keeps its own)."""
    return [name for name in page.evaluate("caches.keys()") if name.startswith("offline:/en/:")]


def rebuild_english(site, *, rename_bundle: bool = False):
    """A new build of the English pages in place: one page changes (and, optionally, Material's
    bundle gets a new name, as a Material upgrade does), so the worker's version changes too."""
    english = site / "en"
    page_file = english / "guarantees" / "index.html"
    page_file.write_text(page_file.read_text(encoding="utf-8").replace("</h1>", " (v2)</h1>", 1), encoding="utf-8")
    if rename_bundle:
        bundle = next((english / "assets" / "javascripts").glob("bundle.*.min.js"))
        renamed = bundle.with_name("bundle.v2.min.js")
        bundle.rename(renamed)
        for html in english.rglob("*.html"):
            text = html.read_text(encoding="utf-8")
            html.write_text(text.replace(bundle.name, renamed.name), encoding="utf-8")
    shutil.copy(ROOT / "overrides" / "sw.js", english / "sw.js")
    app = json.loads((english / offline.MANIFEST_NAME).read_text(encoding="utf-8"))  # unchanged
    offline.write_offline_files(english, alternate_links=["../", ""], name=app["name"], short_name=app["short_name"],
                                description=app["description"], code="en")


def wait_for_new_version(page, first: list[str]) -> list[str]:
    settled = ("() => navigator.serviceWorker.getRegistration()"
               ".then((r) => !r.installing && !r.waiting && r.active?.state === 'activated')")
    for _ in range(100):  # the new worker installs (a cache of its own), then activates
        now = cache_names(page)
        if set(now) - set(first) and page.evaluate(settled):
            return now
        page.wait_for_timeout(200)
    raise AssertionError(f"no new cache after the update: {first} → {now}")


def test_a_new_build_replaces_the_cache_once_no_page_of_the_old_one_is_open(page, copied_site):
    site, url, _ = copied_site
    page.goto(url + "en/guarantees/")
    wait_for_offline_ready(page, url + "en/")
    first = cache_names(page)

    rebuild_english(site)
    page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
    now = wait_for_new_version(page, first)
    assert set(first) <= set(now), "the old version's files went while a page of it was open"

    page.goto(url + "en/guarantees/")  # the old page is gone: so is its cache
    expect(page.locator("article h1")).to_contain_text("(v2)")
    for _ in range(50):
        if not set(cache_names(page)) & set(first):
            break
        page.wait_for_timeout(200)
    assert not set(cache_names(page)) & set(first), cache_names(page)


def test_an_update_downloads_only_the_files_that_changed(page, copied_site):
    site, url, server = copied_site
    page.goto(url + "en/guarantees/")
    wait_for_offline_ready(page, url + "en/")
    wait_for_worker(page, url, url + "sw.js")  # the Spanish guide too: its downloads are over
    first = cache_names(page)
    asked = record_requests(server)
    rebuild_english(site)  # one page changed
    page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
    wait_for_new_version(page, first)
    english = {path for path in asked if path.startswith("/en/")}
    assert english == {"/en/sw.js", "/en/guarantees/"}, english
    [newest] = [name for name in cache_names(page) if name not in first]
    keys = "(name) => caches.open(name).then((c) => c.keys()).then((keys) => keys.map((k) => k.url).sort())"
    assert page.evaluate(keys, newest) == page.evaluate(keys, first[0]), "the unchanged files were not copied over"


def test_an_open_page_still_starts_material_after_an_update_renamed_its_bundle(page, context, copied_site):
    site, url, _ = copied_site
    page.goto(url + "en/guarantees/")
    wait_for_offline_ready(page, url + "en/")
    first = cache_names(page)
    rebuild_english(site, rename_bundle=True)
    page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
    wait_for_new_version(page, first)
    context.set_offline(True)  # the old bundle is on no server any more, and there is no network
    try:
        page.locator("article h1").tap()  # the first touch starts Material's bundle (the old name)
        page.wait_for_function("() => typeof window.document$ === 'object'", timeout=10_000)
    finally:
        context.set_offline(False)


def test_offline_addresses_answer_as_the_host_does(page, context, base_url):
    page.goto(base_url + "expectations/")
    wait_for_offline_ready(page, base_url)
    page.goto(base_url + "en/expectations/")
    wait_for_offline_ready(page, base_url + "en/")
    context.set_offline(True)
    try:
        page.goto(base_url + "en")  # no slash: the English home, not the Spanish 404
        expect(page.locator("html")).to_have_attribute("lang", "en")
        expect(page).to_have_title(HOME_TITLE["en"])
        for root, code in ((base_url, "es"), (base_url + "en/", "en")):
            page.goto(root + "guarantees/index.html")
            expect(page.locator("html")).to_have_attribute("lang", code)
            expect(page.locator("article h1")).to_be_visible()
            page.goto(root + "guarantees")
            expect(page).to_have_url(root + "guarantees/")
            response = page.goto(root + "no-such-page/")
            assert response.status == 404
            expect(page.locator("html")).to_have_attribute("lang", code)
    finally:
        context.set_offline(False)


@pytest.mark.parametrize("code", ["es", "en"])
def test_first_visit_leaves_search_and_sitemaps_until_needed(page, problems, base_url, code):
    requested = []  # the page's own requests (and its workers'), not the offline worker's precache
    page.on("request", lambda request: requested.append(request.url))
    page.goto(base_url + LANG_PREFIX[code] + "guarantees/")
    page.wait_for_load_state("networkidle")
    held_back = ("search_index.json", "sitemap.xml", "lunr.", "workers/search.")
    assert not [url for url in requested if any(part in url for part in held_back)], requested
    assert search(page, "especialista" if code == "es" else "specialist") > 0  # opening search loads it all
    assert [url for url in requested if url.endswith("search/search_index.json")]
    assert not [url for url in requested if "sitemap.xml" in url]
    assert problems.errors == []
