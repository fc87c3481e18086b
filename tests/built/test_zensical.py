"""The site built by Zensical instead of MkDocs + Material, with the same post-build step, passes
the same built-site tests: `make zensical` runs this file, and `make check` / `make test` do too,
so the way off Material (end of life 2027-05-05) cannot quietly close.

Zensical 0.0.73 (requirements-zensical.txt, its own venv .venv-zensical) reads mkdocs.yml, runs
our macros (its own mkdocs-macros work-alike) and the Python-Markdown extensions, renders
overrides/ with MiniJinja, and runs no MkDocs hooks. What it cannot do yet is named in
EXCEPTIONS with the reason; each must still fail on Zensical, so one that starts passing is
reported and its entry removed, never left to hide a regression.
"""
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from tests.conftest import ROOT
from tools import build

pytestmark = pytest.mark.rebuild  # a Zensical build and the built-site tests over it: make test, not make check

SITE = ROOT / "build" / "zensical" / "site"  # kept after the run: python tools/serve.py --dir build/zensical/site

# Tests about the MkDocs build itself, not about a built site: not run on Zensical's output.
MKDOCS_ONLY = {
    "tests/built/test_dist.py": "builds its own site with MkDocs (make dist)",
    "tests/built/test_zensical.py": "this file",
    "tests/built/test_build.py::test_strict_build_succeeds":
        "reads MkDocs' build log; tools/build.py runs `zensical build --strict` and fails on a warning",
    "tests/built/test_stable_build.py": "builds its own site twice with MkDocs (under faketime)",
}

# What Zensical cannot do yet: test id (every parameter) → why, and what would lift it.
HOOKS = "Zensical runs no MkDocs hooks"
SEARCH = ("Zensical's search is its own engine and index (search.json, one for all languages, no per-language "
          "stemmer or our synonyms); Material's lunr index search/search_index.json and our worker wrapper "
          "(assets/javascripts/workers/search-stemmed.js) do not apply")
EXCEPTIONS = {
    # Zensical's own templates:
    "tests/built/test_html_valid.py::test_every_page_is_valid_html":
        "Zensical 0.0.73's base template marks the drawer overlay <label for=__drawer> aria-hidden, which "
        "the HTML checker refuses on a label tied to a control (Material's base.html has no aria-hidden there)",
    # Other hooks:
    "tests/built/test_build.py::test_404_speaks_its_language_and_offers_search_and_ways_back":
        f"the 404 text comes from `ui`, given by on_template_context; {HOOKS}, so the 404 page shows the "
        "theme's own text (overrides/404.html falls back to it). Lift: the strings in each config's `extra`",
    "tests/built/test_meta.py::test_hreflang_links_are_absolute_reciprocal_and_point_at_this_page":
        f"per-page hreflang links come from on_page_context (macros/alternates.py); {HOOKS}. "
        "Lift: write them in the post-build step (tools/postbuild.py), which knows each page's path",
    # Search:
    "tests/built/test_build.py::test_each_language_has_its_own_home_404_sitemap_and_search": SEARCH,
    "tests/built/test_build.py::test_search_index_holds_only_its_own_language": SEARCH,
    "tests/built/test_search_index_furniture.py::test_search_index_leaves_out_print_and_checklist_furniture":
        f"{SEARCH}; the test reads Material's index",
    "tests/built/test_meta.py::test_service_worker_precaches_every_page_of_its_language_only":
        f"{SEARCH}; the precache list checks for Material's index",
}


def outcomes(junit_xml: str) -> dict[str, str]:
    """test id → 'passed' / 'failed' / 'skipped', from pytest's JUnit report."""
    results = {}
    for case in ET.fromstring(junit_xml).iter("testcase"):
        path = case.get("classname").replace(".", "/") + ".py"
        kinds = {child.tag for child in case}
        state = "failed" if kinds & {"failure", "error"} else "skipped" if "skipped" in kinds else "passed"
        results[f"{path}::{case.get('name')}"] = state
    return results


def test_outcomes_reads_pytest_junit():
    report = ('<testsuites><testsuite><testcase classname="tests.built.test_a" name="test_x[es]"/>'
              '<testcase classname="tests.built.test_a" name="test_y"><failure message="no"/></testcase>'
              '</testsuite></testsuites>')
    assert outcomes(report) == {"tests/built/test_a.py::test_x[es]": "passed",
                                "tests/built/test_a.py::test_y": "failed"}


@pytest.fixture(scope="module")
def zensical_site():
    if not build.ZENSICAL.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{build.ZENSICAL.relative_to(ROOT)} is missing: `make test` installs it", pytrace=False)
        pytest.skip(f"{build.ZENSICAL.relative_to(ROOT)} is missing: `make zensical` (or check, test) installs it")
    shutil.rmtree(SITE, ignore_errors=True)
    done = subprocess.run([sys.executable, "tools/build.py", "--generator", "zensical", "--dir", str(SITE)],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return SITE


def test_the_built_site_tests_pass_on_zensical_but_the_named_exceptions(zensical_site, tmp_path):
    report = tmp_path / "junit.xml"
    command = [sys.executable, "-m", "pytest", "tests/built", "-p", "no:xdist", "-q", "--tb=line",
               f"--junitxml={report}", "-p", "no:cacheprovider"]
    for test_id in MKDOCS_ONLY:
        command.append(f"--ignore={test_id}" if "::" not in test_id else f"--deselect={test_id}")
    run = subprocess.run(command, cwd=ROOT, env={**os.environ, "SITE_DIR": str(zensical_site)},
                         capture_output=True, text=True)
    results = outcomes(report.read_text(encoding="utf-8"))
    assert results, run.stdout + run.stderr
    failed = {test_id.split("[")[0] for test_id, state in results.items() if state == "failed"}
    broken = sorted(failed - set(EXCEPTIONS))
    assert not broken, f"fail on Zensical's output: {broken}\n{run.stdout[-6000:]}"
    lifted = sorted(set(EXCEPTIONS) - failed)
    assert not lifted, f"now pass on Zensical: remove them from EXCEPTIONS: {lifted}"
    assert not [test_id for test_id, state in results.items() if state == "skipped"], run.stdout[-3000:]
