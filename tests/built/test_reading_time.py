"""Phone length: no chapter takes more than 8 minutes to read (issue 13), as the page says."""
import re

import pytest

from tests.built.site_pages import article, page_file, soup_of
from tests.built.test_content import CHAPTERS

MAX_MINUTES = 8


def minutes_shown(site, code, chapter) -> int:
    meta = article(soup_of(page_file(site, code, f"{chapter}/"))).select_one("p.page-meta")
    return int(re.match(r"\d+", meta.get_text().strip()).group(0))


@pytest.mark.parametrize("code", ["es", "en"])
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_reads_in_eight_minutes_or_less(site_dir, code, chapter):
    assert minutes_shown(site_dir, code, chapter) <= MAX_MINUTES
