"""overrides/README.md, the inventory of Material internals we rely on, names real guarding tests."""
import re

from tests.conftest import ROOT

INVENTORY = ROOT / "overrides" / "README.md"
TEST_REF = re.compile(r"`(?:tests/(?:unit|built|e2e)/)?(test_\w+\.py)(?:::(\w+))?`")


def test_every_test_the_inventory_names_exists():
    tests = {path.name: path.read_text(encoding="utf-8") for path in (ROOT / "tests").rglob("test_*.py")}
    refs = TEST_REF.findall(INVENTORY.read_text(encoding="utf-8"))
    assert len(refs) >= 15
    missing = [f"{file}::{name}" for file, name in refs
               if file not in tests or (name and not re.search(rf"^def {name}\(", tests[file], re.M))]
    assert missing == []


def test_each_internal_the_move_depends_on_has_a_row():
    rows = [line for line in INVENTORY.read_text(encoding="utf-8").splitlines() if line.startswith("| ")]
    for internal in ("`config` block's JSON", "bundle.<hash>.min.js", "<link rel=\"alternate\"", "XMLHttpRequest",
                     "DOMContentLoaded", "self.lunr", "lunr_needed"):
        row = next((row for row in rows if internal in row), None)
        assert row and TEST_REF.search(row), internal  # listed, with its guarding test
