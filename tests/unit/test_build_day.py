"""The build day (macros/build_day.py): the content's newest review, never the clock."""
import datetime

import pytest

from macros import build_day


def write(root, rel, text):
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_the_newest_review_of_either_language_is_the_build_day(tmp_path):
    write(tmp_path, "es/a.md", "---\nreviewed: 2026-11-26\n---\n# A\n")
    write(tmp_path, "en/b.md", "---\nreviewed: 2026-12-01\n---\n# B\n")
    write(tmp_path, "es/index.md", "# Home, no front matter\n\nreviewed: 2030-01-01 in the text is not a review\n")
    assert build_day.build_day(tmp_path) == datetime.date(2026, 12, 1)
    assert build_day.of({"docs_dir": str(tmp_path / "es")}) == build_day.of({"docs_dir": str(tmp_path / "en")})


def test_content_without_any_review_date_fails_the_build(tmp_path):
    write(tmp_path, "es/index.md", "# Home\n")
    with pytest.raises(ValueError, match="reviewed"):
        build_day.build_day(tmp_path)
