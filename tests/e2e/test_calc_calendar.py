""""Add to calendar" on the turnaround and response-time calculators, on a phone in both
languages: the download is an RFC 5545 event (CRLF lines folded at 75 octets, escaped text,
UID, DTSTAMP) for the due moment in the reader's time zone, titled in the page's language, and
its code loads only on the click."""
import datetime
import re

import pytest
from playwright.sync_api import expect

from macros import lang
from macros.calc import engine
from tests.conftest import LANG_PREFIX, PageProblems

pytestmark = pytest.mark.e2e

# (calculator, link, time zone, DTSTART as the download must write it)
CASES = [
    ("response-time", "sent=2026-11-27T23:00&window=2", "Europe/Madrid", "DTSTART:20261130T110000Z"),
    ("response-time", "sent=2026-11-27T23:00&window=2", "America/Mexico_City", "DTSTART:20261130T180000Z"),
    ("turnaround", "request=2026-11-27T15:00&days=2&cutoff=", "Europe/Madrid", None),  # a whole day: from engine
]


def unfold(raw: bytes) -> list[str]:
    """The content lines of an iCalendar file, after checking its physical lines (RFC 5545, 3.1)."""
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b""), "every line ends in CRLF"
    physical = raw[:-2].split(b"\r\n")
    assert all(len(line) <= 75 for line in physical), [line for line in physical if len(line) > 75]
    return raw.decode("utf-8").replace("\r\n ", "").split("\r\n")[:-1]


def properties(lines: list[str]) -> dict[str, str]:
    found = {}
    for line in lines:
        name, value = re.match(r"([A-Z-]+(?:;[^:]*)?):(.*)", line).groups()
        assert name not in found or name in ("BEGIN", "END"), f"{name} twice"
        found[name] = value
    return found


def text_value(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


@pytest.mark.parametrize("code", ["es", "en"])
@pytest.mark.parametrize(("name", "query", "zone", "start"), CASES)
def test_add_to_calendar_downloads_the_due_moment(browser, browser_context_args, base_url, code, name, query, zone,
                                                  start):
    context = browser.new_context(**browser_context_args, timezone_id=zone)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    problems = PageProblems(context)
    page = context.new_page()
    loaded = []  # the page's own requests (the service worker precaches every file on its own)
    page.on("request", lambda request: request.url.endswith("/ics.js") and loaded.append(request.url))
    page.goto(f"{base_url}{LANG_PREFIX[code]}calculators/{name}/?{query}")
    calc = page.locator(f".calc[data-calc='{name}']")
    button = calc.locator("[data-action='calendar']")
    expect(button).to_have_text(lang.text(code, "calc.common.add_calendar"))
    page.wait_for_load_state("networkidle")
    assert loaded == [], "loaded before the reader asked"

    uids = []
    for _ in range(2):
        with page.expect_download() as info:
            button.tap()
        download = info.value
        raw = open(download.path(), "rb").read()
        lines = unfold(raw)
        assert lines[:2] == ["BEGIN:VCALENDAR", "VERSION:2.0"] and lines[-1] == "END:VCALENDAR"
        assert lines.count("BEGIN:VEVENT") == 1 and lines.count("END:VEVENT") == 1
        event = properties(lines[lines.index("BEGIN:VEVENT") + 1:lines.index("END:VEVENT")])
        head = properties(lines[1:lines.index("BEGIN:VEVENT")])
        assert head["PRODID"] and {"VERSION", "PRODID"} <= set(head)
        assert re.fullmatch(r"\d{8}T\d{6}Z", event["DTSTAMP"])
        uids.append(event["UID"])
        assert text_value(event["SUMMARY"]) == lang.text(code, f"calc.{name}.ics_title")
        assert text_value(event["DESCRIPTION"]) == calc.locator(".calc-sentence").inner_text()
        assert f"{query.split('&')[0]}" in event["URL"].replace("%3A", ":")
        if start is None:  # a whole day: the ready date the Python twin works out, ending the next day
            values = dict(pair.split("=") for pair in query.split("&"))
            ready = engine.run(name, values, engine.context(datetime.date.today(), {}))["result"]["ready"]
            day = datetime.date.fromisoformat(ready)
            assert event["DTSTART;VALUE=DATE"] == day.strftime("%Y%m%d")
            assert event["DTEND;VALUE=DATE"] == (day + datetime.timedelta(days=1)).strftime("%Y%m%d")
            assert download.suggested_filename == f"{lang.text(code, 'calc.common.ics_file')}-{ready}.ics"
        else:
            name_value = start.split(":")
            assert event[name_value[0]] == name_value[1]
        expect(calc.locator(".calc-share__status")).to_have_text(lang.text(code, "calc.common.ics_saved"))
    assert len(set(uids)) == 2, "each event has its own UID"
    assert len(loaded) == 1
    assert problems.errors == []
    context.close()


@pytest.mark.parametrize("code", ["es", "en"])
def test_escaping_and_folding_hold_for_long_accented_text(page, base_url, code):
    """A long sentence with commas, semicolons, a backslash and accents: folded without
    splitting a character, and read back as written."""
    page.goto(f"{base_url}{LANG_PREFIX[code]}")
    text = "Día señalado; a, b \\ c\n" + "ñá€" * 40
    made = page.evaluate("""async (text) => {
      const { calendarEvent } = await import(new URL("assets/js/calc/ics.js", document.baseURI));
      const url = "https://example.org/?a=1";
      return calendarEvent({ due: "2026-12-01T09:30", title: text, description: text, url });
    }""", text)
    assert made.count("\r\n ") >= 4  # both texts were folded
    lines = unfold(made.encode("utf-8"))
    event = properties(lines[lines.index("BEGIN:VEVENT") + 1:lines.index("END:VEVENT")])
    assert text_value(event["SUMMARY"]) == text == text_value(event["DESCRIPTION"])
