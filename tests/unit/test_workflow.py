"""The GitHub Pages workflow is valid (GitHub's workflow schema) and does what the README says: tests first,
then both languages built for the Pages address, then published."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def schema_errors(workflow: Path) -> str:
    """check-jsonschema against the GitHub Actions workflow schema it ships (no network)."""
    checker = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    if not checker:
        pytest.fail("check-jsonschema is missing: run `make check` (requirements-test.txt)", pytrace=False)
    done = subprocess.run([checker, "--builtin-schema", "vendor.github-workflows", str(workflow)],
                          capture_output=True, text=True)
    return "" if done.returncode == 0 else done.stdout + done.stderr


def test_the_workflow_is_valid():
    assert schema_errors(WORKFLOW) == ""


def test_the_check_sees_a_broken_workflow(tmp_path):
    broken = tmp_path / "pages.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("runs-on:", "runs_on:"), encoding="utf-8")
    assert "runs-on" in schema_errors(broken)


def test_tests_run_before_both_languages_are_built_for_the_pages_address():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    runs = [step.get("run", "") for step in build["steps"]]
    assert runs.index("make test") < next(i for i, r in enumerate(runs) if r.startswith("make dist"))
    dist = next(step for step in build["steps"] if step.get("run", "").startswith("make dist"))
    assert "steps.pages.outputs.base_url" in dist["env"]["SITE_URL"]
    assert build["steps"][-1]["with"]["path"] == "site"  # the whole tree: / and /en/
    assert deploy["needs"] == "build" and deploy["permissions"] == {"pages": "write", "id-token": "write"}
    for job in (build, deploy):
        for step in job["steps"]:
            if "uses" in step:
                assert "@v" in step["uses"], step["uses"]  # a released major, not a moving branch
