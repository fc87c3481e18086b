"""The built site does not follow the clock: the same sources build to the same bytes on any
day (macros/build_day.py), so an update re-downloads only what changed (the offline worker's
per-file revisions) and the sitemap's lastmod means "reviewed", not "built"."""
import shutil

import pytest

from tests.conftest import build_site

# Far enough to cross a year (the holiday presets' range) and land on another weekday (the
# response-time example starts on "the coming Friday").
LATER = "+400d"


def files_of(site) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_a_build_on_another_day_is_the_same_bytes(site_dir, tmp_path):
    faketime = shutil.which("faketime")
    if not faketime:
        pytest.fail("faketime is missing: bash tools/ensure-faketime.sh (make check does)", pytrace=False)
    later = tmp_path / "site"
    for code, result in build_site(later, (faketime, "-f", LATER)).items():
        assert result.returncode == 0, f"the {code} build {LATER} days on failed:\n{result.stderr[-3000:]}"
    today, then = files_of(site_dir), files_of(later)
    assert sorted(today) == sorted(then), set(today) ^ set(then)
    changed = [rel for rel in today if today[rel] != then[rel]]
    assert not changed, f"these files follow the build's clock: {changed}"
