"""The search index holds what a page says, not its furniture: the print-only link list and
QR footer, the checklists' progress line and reset button, an item's "#". Every page's last
section once matched "calculators" and "checklists" through the footer's sentence ("Read it
online, with the calculators and tickable checklists"), and results of two-word queries said
"Missing: revenue" on sections whose only "revenue" was a URL in that list."""
import json
import re

import pytest

from macros import lang
from tests.conftest import LANG_PREFIX


def furniture(code: str) -> list[re.Pattern]:
    strings = lang.strings(code)
    progress = re.escape(strings["check.progress"]).replace(r"\{done\}", r"\d+").replace(r"\{total\}", r"\d+")
    return [re.compile(re.escape(text)) for text in (
        strings["print.links"],
        strings["print.read_online"].partition("{url}")[0].strip(),
        strings["check.save_failed"],  # the reset button's words are in prose too ("Untick all")
    )] + [re.compile(progress)]


@pytest.mark.parametrize("code", ["es", "en"])
def test_search_index_leaves_out_print_and_checklist_furniture(site_dir, code):
    index = json.loads((site_dir / LANG_PREFIX[code] / "search" / "search_index.json").read_text(encoding="utf-8"))
    checklist_pages = {doc["location"] for doc in index["docs"] if doc["location"].endswith("#checklist")}
    assert len(checklist_pages) >= 8, "the chapters' checklists are indexed (their items are content)"
    found = {
        pattern.pattern: sorted(doc["location"] for doc in index["docs"] if pattern.search(doc["text"]))
        for pattern in furniture(code)
    }
    assert {text: where for text, where in found.items() if where} == {}
    # An item's text is indexed without the "#" of its copy link glued to it.
    item_ends = [doc["text"] for doc in index["docs"] if doc["location"] in checklist_pages]
    assert not any("#</li>" in text for text in item_ends)
