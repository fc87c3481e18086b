"""The agreement builder on a phone, both languages: the JS twin against the shared vectors
(and the Python text, character for character), filling, the other language and both side by
side, copy (plain and formatted), download, print, the link round trip in a fresh browser,
balance warnings, bad input, storage with clear and undo, no typed text on the wire and no
fragment in the server's request log, and the default document without JavaScript."""
import functools
import http.server
import re
import threading
import time
from urllib.parse import unquote

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from macros import agreement, agreement_doc
from tests import calc_vectors
from tests.conftest import LANG_PREFIX, Traffic, screenshot
from tests.unit.test_agreement_doc import LONG, TODAY, VECTORS, check_case, run_case, vector_input
from tools import serve

pytestmark = pytest.mark.e2e

OTHER = {"es": "en", "en": "es"}
STORAGE = f"trato-claro:{agreement.STORAGE_KEY}"
CLIENT, AGENCY = "Zafiroquesos Ltd", "Estudio Quetzalvela"  # words no page or asset contains
axe = Axe()


def ui(code: str, key: str) -> str:
    return agreement_doc.strings(code)[key]


def open_agreement(page, url: str):
    traffic = Traffic(page.context)
    page.goto(url)
    expect(page.locator(".agr--live")).to_be_attached()
    traffic.settle(page)  # its modules and data in, as networkidle waits, with less idle time
    traffic.close()


def page_url(base_url: str, code: str) -> str:
    return f"{base_url}{LANG_PREFIX[code]}agreement/"


def open_step(page, group: str):
    step = page.locator(f'details[data-group="{group}"]')
    if step.get_attribute("open") is None:
        step.locator("summary").tap()


def fill_some(page):
    """A few answers in several steps, as an agency would."""
    page.locator("#agr-client").fill(CLIENT)
    page.locator("#agr-agency").fill(AGENCY)
    page.locator("#agr-term").fill("60")
    open_step(page, "contact")
    page.locator("#agr-country").select_option("ES")
    page.locator("#agr-reply").fill("3")
    open_step(page, "money")
    page.locator("#agr-oneoff").fill("5")


def documents(page) -> list[str]:
    return [a.inner_text() for a in page.locator(".agr-preview > article").all()]


def documents_once_settled(page, expected: list[str], seconds: float = 10) -> list[str]:
    """The documents, given the page time to fetch the chosen country's holidays: the first
    draw has none, the worked examples change once they arrive."""
    deadline = time.monotonic() + seconds
    while (found := documents(page)) != expected and time.monotonic() < deadline:
        page.wait_for_timeout(200)
    return found


def pick_output(page, value: str):
    page.locator(f'label:has(input[name="agr-output"][value="{value}"])').tap()


RUN_VECTORS = """async ({ cases, today, presets }) => {
  const module = await import(new URL("../assets/js/agreement.js", document.baseURI));
  const output = await import(new URL("../assets/js/agreement-output.js", document.baseURI));
  const { dayNumber } = await import(new URL("../assets/js/calc/fields.js", document.baseURI));
  const config = JSON.parse(document.querySelector(".agr-data").textContent);
  const [y, m, d] = today.split("-").map(Number);
  const day = dayNumber(y, m, d);
  return cases.map((c) => {
    const { values, errors } = module.read(c.input, config, day, config.linkVersion, c.decimal || ".");
    const doc = module.buildDocument(values, config, c.lang, { today: day, holidays: presets[c.lang] });
    return {
      errors: Object.fromEntries(Object.entries(errors).map(([k, e]) => [k, e.code])),
      warnings: module.balanceWarnings(values, config),
      text: output.toText(doc),
      markdown: output.toMarkdown(doc),
    };
  });
}"""


def test_js_matches_every_vector_and_writes_the_python_text(page, problems, base_url):
    open_agreement(page, page_url(base_url, "en"))
    cases = [{**case, "input": vector_input(case)} for case in VECTORS["cases"]]
    presets = {code: calc_vectors.presets(code, TODAY.year) for code in ("es", "en")}
    got = page.evaluate(RUN_VECTORS, {"cases": cases, "today": VECTORS["today"], "presets": presets})
    found = {}
    for case, js in zip(VECTORS["cases"], got, strict=True):
        python = run_case(case)
        issues = check_case(case, js)
        for kind in ("text", "markdown"):
            lines = zip(js[kind].splitlines(), python[kind].splitlines(), strict=False)
            first = next((pair for pair in lines if pair[0] != pair[1]), None)
            if js[kind] != python[kind]:
                issues.append(f"{kind} differs from Python (JS, Python): {first}")
        if issues:
            found[case["name"]] = issues
    assert found == {}
    assert problems.errors == []


@pytest.mark.parametrize("code", ["es", "en"])
def test_fill_then_other_language_then_side_by_side(page, problems, base_url, code):
    open_agreement(page, page_url(base_url, code))
    fill_some(page)
    [text] = documents(page)
    assert CLIENT in text and ui(code, "doc.title") in text
    assert ui(code, "doc.rules.holidays").split("{")[0] in text
    pick_output(page, OTHER[code])
    [text] = documents(page)
    assert ui(OTHER[code], "doc.title") in text and CLIENT in text
    expect(page.locator(".agr-preview > article")).to_have_attribute("lang", OTHER[code])
    pick_output(page, "both")
    expect(page.locator(".agr-preview > article")).to_have_count(2)
    assert [a.get_attribute("lang") for a in page.locator(".agr-preview > article").all()] == ["es", "en"]
    assert all(CLIENT in t for t in documents(page))
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, f"agreement-both-{code}")
    assert problems.errors == []


@pytest.mark.parametrize("code", ["es", "en"])
def test_copy_plain_and_formatted(page, context, problems, base_url, code):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    open_agreement(page, page_url(base_url, code))
    fill_some(page)
    page.get_by_role("button", name=ui(code, "copy"), exact=True).tap()
    expect(page.locator(".agr-status")).to_have_text(ui(code, "copied"))
    plain = page.evaluate("navigator.clipboard.readText()")
    assert plain.startswith(ui(code, "doc.title")) and CLIENT in plain and "<" not in plain
    assert "\n1. " in plain and ui(code, "doc.plan.title").upper() in plain
    page.locator(".agr-status").evaluate("(status) => { status.textContent = ''; }")  # wait for this copy's own
    page.get_by_role("button", name=ui(code, "copy_rich")).tap()
    expect(page.locator(".agr-status")).to_have_text(ui(code, "copied"))
    items = page.evaluate("""async () => {
      const [item] = await navigator.clipboard.read();
      return { types: item.types, html: await (await item.getType("text/html")).text() };
    }""")
    assert "text/html" in items["types"]
    assert "<ol" in items["html"] and "<table" in items["html"] and CLIENT in items["html"]
    assert problems.errors == []


def test_copy_and_download_load_their_module_on_a_tap(page, context, problems, base_url):
    """The text and Markdown writers are not part of the page (tests/built/test_js_budget.py
    ON_ACTION): filling and reading never fetch them; a tap on copy does, and so does
    reaching the buttons with the keyboard, before the key that presses one."""
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    output = [base_url + "en/assets/js/agreement-output.js"]
    open_agreement(page, page_url(base_url, "en"))
    fill_some(page)
    pick_output(page, "both")
    page.wait_for_load_state("networkidle")
    assert [url for url in fetched if url in output] == []
    page.get_by_role("button", name=ui("en", "copy"), exact=True).tap()
    expect(page.locator(".agr-status")).to_have_text(ui("en", "copied"))
    assert [url for url in fetched if url in output] == output
    assert page.evaluate("navigator.clipboard.readText()").count(ui("es", "doc.title")) == 1

    fetched.clear()
    page.reload()
    expect(page.locator(".agr--live")).to_be_attached()
    page.get_by_role("button", name=ui("en", "download_txt")).focus()
    page.wait_for_load_state("networkidle")
    assert [url for url in fetched if url in output] == output
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    assert CLIENT in open(info.value.path(), encoding="utf-8").read()
    assert problems.errors == []


@pytest.mark.parametrize("code", ["es", "en"])
def test_download_md_and_txt(page, problems, base_url, code):
    open_agreement(page, page_url(base_url, code))
    fill_some(page)
    for key, suffix in (("download_md", ".md"), ("download_txt", ".txt")):
        with page.expect_download() as info:
            page.get_by_role("button", name=ui(code, key)).tap()
        assert info.value.suggested_filename.startswith("agreement-")
        assert info.value.suggested_filename.endswith(suffix)
        text = open(info.value.path(), encoding="utf-8").read()
        assert CLIENT in text
        if suffix == ".md":
            assert text.startswith(f"# {ui(code, 'doc.title')}") and "|---|---|---|---|" in text
        else:
            assert text.startswith(ui(code, "doc.title"))
    assert problems.errors == []


def visible(page, selector) -> bool:
    return any(el.is_visible() for el in page.locator(selector).all())


@pytest.mark.parametrize("code", ["es", "en"])
def test_print_is_the_document_alone_on_a4(page, problems, base_url, code):
    open_agreement(page, page_url(base_url, code))
    fill_some(page)
    page.emulate_media(media="print")
    assert page.locator(".agr-preview > article").is_visible()
    assert page.locator(".agr-doc__sign .agr-doc__line").first.is_visible()
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", ".agr-form", "article h1", "#how-to"):
        assert not visible(page, hidden), hidden
    pdf = page.pdf(prefer_css_page_size=True)
    assert pdf.startswith(b"%PDF")
    sizes = set(re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf))
    assert sizes and all(abs(float(w) - 595.3) < 1 and abs(float(h) - 841.9) < 1 for w, h in sizes), sizes
    screenshot(page, f"agreement-print-{code}")
    assert problems.errors == []


@pytest.mark.parametrize("code", ["es", "en"])
def test_link_reopens_the_agreement_in_a_fresh_browser(browser, page, context, problems, base_url, code):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    open_agreement(page, page_url(base_url, code))
    fill_some(page)
    pick_output(page, OTHER[code])
    page.get_by_role("button", name=ui(code, "link")).tap()
    expect(page.locator(".agr-status")).to_have_text(ui(code, "link_copied"))
    link = page.evaluate("navigator.clipboard.readText()")
    assert "?" not in link and "#v=1&" in link and len(link) < 1000, link
    expected = documents(page)

    fresh = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    other = fresh.new_page()
    open_agreement(other, link)
    assert documents_once_settled(other, expected) == expected
    assert not other.evaluate("location.hash").startswith("#v=")  # read once, then kept in this browser
    other.reload()
    assert documents_once_settled(other, expected) == expected
    expect(other.locator("#agr-client")).to_have_value(CLIENT)
    expect(other.locator("#agr-term")).to_have_value("60")
    expect(other.locator(f'input[name="agr-output"][value="{OTHER[code]}"]')).to_be_checked()
    fresh.close()
    assert problems.errors == []


@pytest.mark.parametrize("code", ["es", "en"])
def test_balance_warnings_appear_link_and_clear(page, problems, base_url, code):
    open_agreement(page, page_url(base_url, code))
    balance = page.locator(".agr-balance__list")
    expect(balance).to_have_text(ui(code, "warn.none"))
    open_step(page, "money")
    page.locator("#agr-cap").fill("")
    open_step(page, "contact")
    page.locator("#agr-contact").select_option("anyone")
    expect(balance.locator("li")).to_have_count(2)
    expect(balance.locator('[data-warning="no_cap"]')).to_contain_text(ui(code, "warn.no_cap"))
    expect(balance.locator('[data-warning="no_cap"] a')).to_have_attribute("href", "../contract/#late-penalty")
    expect(balance.locator('[data-warning="no_contact"] a')).to_have_attribute("href", "../rules/#one-contact-person")
    page.locator("#agr-cap").fill("25")
    page.locator("#agr-contact").select_option("named")
    expect(balance).to_have_text(ui(code, "warn.none"))
    assert problems.errors == []


@pytest.mark.parametrize("code", ["es", "en"])
def test_bad_input_is_explained_and_nothing_typed_becomes_markup(page, problems, base_url, code):
    open_agreement(page, page_url(base_url, code))
    page.locator("#agr-term").fill("0")
    expect(page.locator("#agr-term-error")).to_have_text(
        agreement.config(code, "agreement/")["errors"]["too_small"].replace("{min}", "1"))
    expect(page.locator("#agr-term")).to_have_attribute("aria-invalid", "true")
    expect(page.locator(".agr-fix")).to_have_text(ui(code, "error.fix"))
    page.locator("#agr-term").fill("treinta")
    expect(page.locator("#agr-term-error")).not_to_be_empty()
    page.locator("#agr-term").fill("30")
    expect(page.locator("#agr-term-error")).to_be_empty()
    page.locator("#agr-client").fill(LONG)
    too_long = ui(code, "error.text_too_long").replace("{max}", "200")
    expect(page.locator("#agr-client-error")).to_have_text(too_long)
    assert len(page.evaluate(f"localStorage.getItem({STORAGE!r})")) < 5000  # kept cut short, not 100 KB
    page.reload()
    expect(page.locator("#agr-client-error")).to_have_text(too_long)  # still refused, for the same reason
    page.locator("#agr-client").fill('<img src="x" id="injected"><b>bold</b>')
    expect(page.locator(".agr-preview")).to_contain_text('<img src="x" id="injected">')
    assert page.locator(".agr-preview img, .agr-preview b, #injected").count() == 0
    open_step(page, "money")
    page.locator("#agr-cap").fill("5")
    expect(page.locator("#agr-cap-error")).to_have_text(ui(code, "error.cap_below_oneoff"))
    assert problems.errors == []


def test_answers_stay_in_this_browser_with_clear_and_undo(page, problems, base_url):
    open_agreement(page, page_url(base_url, "en"))
    fill_some(page)
    page.reload()
    expect(page.locator("#agr-client")).to_have_value(CLIENT)
    assert CLIENT in page.evaluate(f"localStorage.getItem({STORAGE!r})")
    page.get_by_role("button", name=ui("en", "clear")).tap()
    expect(page.locator("#agr-client")).to_have_value("")
    expect(page.locator("#agr-term")).to_have_value("30")
    assert page.evaluate(f"localStorage.getItem({STORAGE!r})") is None
    page.get_by_role("button", name=ui("en", "undo")).tap()
    expect(page.locator("#agr-client")).to_have_value(CLIENT)
    page.get_by_role("button", name=ui("en", "clear")).tap()
    page.reload()
    expect(page.locator("#agr-client")).to_have_value("")
    assert problems.errors == []



# Found by the fuzzer (tests/e2e/test_fuzz.py): a version named after an object's own
# property ("toString" in {…} is true) threw on start; a stored answer that was not text
# showed as "[object Object]"; "raw": null threw.
BAD_STATES = ['{"v":"toString","raw":{"client":"Ann"}}', '{"v":"__proto__","raw":{}}', '{"v":1,"raw":null}',
              '{"v":1,"raw":{"client":{},"term":7}}']
BAD_LINKS = ["#v=constructor&c=Ann", "#v=toString", "#v=hasOwnProperty&o=both"]


def test_a_bad_stored_state_or_link_version_leaves_the_default_document(page, problems, base_url):
    # One "today" for every reload: the default document starts today, and a run over midnight
    # compared the first reload's with a later one's.
    page.clock.set_fixed_time(time.time())
    url = page_url(base_url, "en")
    open_agreement(page, url)
    default = documents(page)
    for state in BAD_STATES:
        page.evaluate("([key, state]) => localStorage.setItem(key, state)", [STORAGE, state])
        page.reload()
        expect(page.locator(".agr--live")).to_be_attached()
        assert documents(page) == default, state
        assert page.evaluate(f"localStorage.getItem({STORAGE!r})") is None, state  # dropped
    page.evaluate("(key) => localStorage.setItem(key, '{\"v\":1,\"raw\":{},\"out\":\"constructor\"}')", STORAGE)
    page.reload()
    expect(page.locator(".agr--live")).to_be_attached()
    assert documents(page) == default  # a usable state with an unknown output language: the page's
    for link in BAD_LINKS:
        page.goto("about:blank")
        open_agreement(page, url + link)
        assert documents(page) == default, link
        expect(page.locator(".agr-link-unknown")).to_be_visible()
    page.goto("about:blank")
    open_agreement(page, url + "#v=1&po=0.00000000000000001")  # kept in plain digits, not 1e-17
    expect(page.locator("#agr-oneoff")).to_have_value("0.00000000000000001")
    page.reload()
    expect(page.locator("#agr-oneoff")).to_have_value("0.00000000000000001")
    page.goto("about:blank")
    open_agreement(page, url + "#v=1&rr=5")  # half a refund clause: refused, and its leads were not given
    expect(page.locator("#agr-refund_leads")).to_have_value("")  # its default, not "undefined"
    assert problems.errors == []

STEP_LOOK = """(step) => {
  const summary = step.querySelector("summary");
  const css = (node, pseudo) => getComputedStyle(node, pseudo);
  return {
    size: css(step).fontSize, formSize: css(step.closest("form")).fontSize,
    left: css(step).borderLeftWidth, top: css(step).borderTopWidth, shadow: css(step).boxShadow,
    icon: css(summary, "::before").display, tint: css(summary).backgroundColor,
    ink: css(summary).color, text: css(step.closest("form")).color, height: summary.getBoundingClientRect().height,
  };
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("code", ["es", "en"])
def test_steps_are_plain_folding_sections_not_note_boxes(browser, base_url, code, scheme):
    """Issue 17: the six steps had Material's note look (blue left border, tinted title bar,
    pencil icon, smaller text); now each is a plain section: number, name, a tick once opened."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme,
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    open_agreement(page, page_url(base_url, code))
    steps = page.locator("details.agr-step")
    for i, step in enumerate(steps.all()):
        look = step.evaluate(STEP_LOOK)
        assert look["size"] == look["formSize"] and look["left"] == look["top"] and look["shadow"] == "none", look
        assert look["icon"] == "none" and look["tint"] == "rgba(0, 0, 0, 0)" and look["ink"] == look["text"], look
        assert look["height"] >= 44, look
        expect(step.locator(".agr-step__n")).to_have_text(str(i + 1))
        expect(step.locator(".agr-step__name")).to_have_text(ui(code, f"group.{agreement_doc.GROUPS[i]}"))
    assert steps.first.get_attribute("data-seen") == ""  # open from the start: looked at
    assert steps.nth(1).get_attribute("data-seen") is None
    steps.nth(1).locator("summary").tap()
    expect(steps.nth(1)).to_have_attribute("data-seen", "")
    expect(page.locator(".agr-progress")).to_have_text(fill_progress(code, 2))
    screenshot(page, f"agreement-steps-{code}-{scheme}")
    context.close()


def fill_progress(code: str, done: int) -> str:
    return ui(code, "progress").replace("{done}", str(done)).replace("{total}", str(len(agreement_doc.GROUPS)))


# A link this page cannot read: a version it does not know (newer, or garbled), or an escape
# cut short (a link truncated when it was copied: "€" is %E2%82%AC).
UNREADABLE_LINKS = [("#v=99&c=Otra", "unknown"), ("#v=1x&o=en", "unknown"), ("#v=1&c=Caf%E2%82", "broken")]


@pytest.mark.parametrize("code", ["es", "en"])
def test_a_link_it_cannot_read_says_so_and_leaves_the_stored_answers(page, problems, base_url, code):
    url = page_url(base_url, code)
    page.set_viewport_size({"width": 360, "height": 780})  # the narrowest phone
    open_agreement(page, url)
    default = documents(page)
    fill_some(page)
    kept = page.evaluate(f"localStorage.getItem({STORAGE!r})")
    assert CLIENT in kept
    for link, problem in UNREADABLE_LINKS:
        page.goto("about:blank")
        open_agreement(page, url + link)
        note = page.locator(f".agr-link-{problem}")
        expect(note).to_be_visible()
        expect(note).to_have_text(ui(code, f"link.{problem}"))
        expect(page.locator(".agr-link-problem:visible")).to_have_count(1)
        assert note.bounding_box()["y"] < page.locator(".agr-step").first.bounding_box()["y"]  # above the steps
        assert documents(page) == default, link
        expect(page.locator("#agr-client")).to_have_value("")
        assert page.evaluate(f"localStorage.getItem({STORAGE!r})") == kept, link  # not overwritten
        assert "#" not in page.url  # a reload opens what this browser kept
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    violations = axe.run(page).response["violations"]
    assert not violations, [f"{v['id']}: {[n['target'] for n in v['nodes']][:2]}" for v in violations]
    screenshot(page, f"agreement-link-broken-{code}")
    page.reload()
    expect(page.locator("#agr-client")).to_have_value(CLIENT)
    expect(page.locator(".agr-link-problem:visible")).to_have_count(0)
    page.goto("about:blank")
    open_agreement(page, url + "#how-to")  # a heading's anchor is no link: no message
    expect(page.locator(".agr-link-problem:visible")).to_have_count(0)
    expect(page.locator("#agr-client")).to_have_value(CLIENT)
    page.goto("about:blank")
    open_agreement(page, url + UNREADABLE_LINKS[0][0])
    page.locator("#agr-agency").fill(AGENCY)  # the reader's own change: saved from here on
    assert AGENCY in page.evaluate(f"localStorage.getItem({STORAGE!r})")
    assert problems.errors == []


@pytest.mark.parametrize("code", ["es", "en"])
def test_two_tabs_take_each_others_answers(context, problems, base_url, code):
    first, second = context.new_page(), context.new_page()
    for tab in (first, second):
        open_agreement(tab, page_url(base_url, code))
    first.locator("#agr-client").fill(CLIENT)
    expect(second.locator("#agr-client")).to_have_value(CLIENT)
    expect(second.locator(".agr-preview")).to_contain_text(CLIENT)
    expect(second.locator(".agr-status")).to_have_text(ui(code, "other_tab"))
    open_step(second, "money")
    second.locator("#agr-oneoff").fill("5")
    second.locator("#agr-agency").fill(AGENCY)
    pick_output(second, "both")
    for field, value in [("client", CLIENT), ("agency", AGENCY), ("oneoff", "5")]:
        expect(first.locator(f"#agr-{field}")).to_have_value(value)
    expect(first.locator('input[name="agr-output"][value="both"]')).to_be_checked()
    expect(first.locator(".agr-preview > article")).to_have_count(2)
    assert documents(first) == documents(second)
    first.locator("#agr-term").fill("60")  # A edits again: B's copy is not written back over it
    expect(second.locator("#agr-term")).to_have_value("60")
    first.get_by_role("button", name=ui(code, "clear")).tap()  # a clear reaches the other tab too
    expect(second.locator("#agr-client")).to_have_value("")
    first.get_by_role("button", name=ui(code, "undo")).tap()
    expect(second.locator("#agr-client")).to_have_value(CLIENT)
    for tab in (first, second):
        tab.reload()
        for field, value in [("client", CLIENT), ("agency", AGENCY), ("oneoff", "5"), ("term", "60")]:
            expect(tab.locator(f"#agr-{field}")).to_have_value(value)
    assert problems.errors == []


class LoggingHandler(serve.SiteHandler):
    """The static server, keeping every request line it receives."""
    log: list[str] = []

    def log_request(self, code="-", size="-"):
        self.log.append(self.requestline)


@pytest.fixture
def logged_server(site_dir):
    LoggingHandler.log = []
    handler = functools.partial(LoggingHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", LoggingHandler.log
    server.shutdown()


@pytest.mark.parametrize("code", ["es", "en"])
def test_typed_terms_never_reach_the_server(browser, logged_server, code):
    base, log = logged_server
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
    sent = []
    context.on("request", lambda request: sent.append((request.method, request.url, request.post_data)))
    page = context.new_page()
    open_agreement(page, page_url(base, code))
    fill_some(page)
    page.get_by_role("button", name=ui(code, "link")).tap()
    expect(page.locator(".agr-status")).to_have_text(ui(code, "link_copied"))  # copied: not the last test's link
    link = page.evaluate("navigator.clipboard.readText()")
    assert link.startswith(page_url(base, code) + "#") and "Zafiroquesos" in unquote(link), link
    page.goto("about:blank")
    open_agreement(page, link)  # the shared link, opened
    expect(page.locator("#agr-client")).to_have_value(CLIENT)
    context.close()
    typed = {"zafiroquesos", "quetzalvela"}
    assert log and any("agreement/" in line for line in log)
    for line in log:
        assert "#" not in line and not typed & set(re.split(r"[^\w]+", unquote(line).lower())), line
    for method, url, body in sent:
        assert method == "GET" and body is None, url
        assert not typed & set(re.split(r"[^\w]+", unquote(url.split("#")[0]).lower())), url


@pytest.mark.parametrize("code", ["es", "en"])
def test_without_javascript_the_default_document_prints(browser, base_url, code):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(page_url(base_url, code))
    expect(page.locator("form.agr-form")).to_be_hidden()
    expect(page.locator(".agr-noscript")).to_be_visible()
    doc = page.locator(".agr-preview > article")
    expect(doc).to_have_attribute("lang", code)
    expect(doc).to_contain_text(ui(code, "doc.title"))
    assert doc.locator("ol > li").count() >= 20
    page.emulate_media(media="print")
    assert doc.is_visible() and not page.locator(".agr-noscript").is_visible()
    screenshot(page, f"agreement-nojs-{code}")
    context.close()


@pytest.mark.parametrize("look", ["phone-light", "desktop-dark"])
@pytest.mark.parametrize("code", ["es", "en"])
def test_axe_clean_filled_and_with_warnings(browser, base_url, code, look):
    phone = look == "phone-light"
    context = browser.new_context(viewport={"width": 390, "height": 844} if phone else {"width": 1280, "height": 800},
                                  color_scheme="light" if phone else "dark", is_mobile=phone, has_touch=True)
    page = context.new_page()
    open_agreement(page, page_url(base_url, code))
    for step in page.locator("details.agr-step").all():
        step.evaluate("(details) => { details.open = true; }")
    fill_some(page)
    found = {"filled": axe.run(page).response["violations"]}
    page.locator("#agr-cap").fill("")
    page.locator("#agr-term").fill("0")
    pick_output(page, "both")
    expect(page.locator('[data-warning="no_cap"]')).to_be_visible()
    found["warnings"] = axe.run(page).response["violations"]
    context.close()
    bad = {state: [f"{v['id']}: {[n['target'] for n in v['nodes']][:2]}" for v in violations]
           for state, violations in found.items() if violations}
    assert not bad, bad


def test_page_loads_its_script_only_where_it_is_used(page, base_url):
    loaded = []
    page.on("request", lambda request: loaded.append(request.url))
    page.goto(base_url + "en/brief/")
    page.wait_for_load_state("networkidle")
    assert any(url.endswith("/brief.js") for url in loaded)
    assert not any("agreement" in url for url in loaded)


def test_a_countrys_holidays_reach_the_worked_examples(page, problems, base_url):
    """Spain's file is fetched when Spain is picked: Tuesday 8 December moves the Friday edit."""
    open_agreement(page, page_url(base_url, "es"))
    page.locator("#agr-start").fill("2026-12-01")
    ready = "está lista el martes, 8 de diciembre de 2026 y publicada el miércoles, 9 de diciembre de 2026"
    expect(page.locator(".agr-preview")).to_contain_text(ready)
    open_step(page, "contact")
    with page.expect_response(lambda response: response.url.endswith("/assets/holidays/ES.json")):
        page.locator("#agr-country").select_option("ES")
    expect(page.locator(".agr-preview")).to_contain_text(
        "está lista el miércoles, 9 de diciembre de 2026 y publicada el jueves, 10 de diciembre de 2026")
    assert problems.errors == []


def test_the_language_switcher_opens_the_same_agreement(page, problems, base_url):
    """Both languages keep the answers under one key, so the agreement follows the reader."""
    open_agreement(page, page_url(base_url, "es"))
    page.locator("#agr-client").fill(CLIENT)
    page.evaluate("document.querySelector('.md-select__link[hreflang=\"en\"]').click()")
    page.wait_for_url("**/en/agreement/**")
    expect(page.locator("#agr-client")).to_have_value(CLIENT)
    expect(page.locator('input[name="agr-output"][value="es"]')).to_be_checked()
    assert problems.errors == []
