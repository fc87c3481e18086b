"""Every built page passes the Nu HTML checker (vnu), except for a short, listed
set of messages caused by Material's own templates."""
import json
import re
import shutil
import subprocess

import pytest

from tests.conftest import ROOT

# The current Nu checker from npm (tools/vnu/package.json; `make check` and `make test` install it).
VNU_JAR = ROOT / "tools" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Material's markup, not ours; each is harmless in browsers.
THEME_EXCEPTIONS = {
    # Material puts autocomplete="off" on its hidden drawer/search checkbox toggles so
    # Firefox does not restore their state on reload; vnu allows it on text-like inputs only.
    "autocomplete on Material's toggles": re.compile(
        r"^Attribute “autocomplete” is only allowed when the input type is .*"),
}


def run_vnu(root) -> list[dict]:
    if not shutil.which("java"):
        pytest.fail("java is missing: run `make test` (it installs Debian's default-jre-headless)", pytrace=False)
    if not VNU_JAR.is_file():
        pytest.fail(f"{VNU_JAR} is missing: run `make check` (it installs vnu-jar with npm)", pytrace=False)
    vnu = ["java", "-Xss1024k", "-jar", str(VNU_JAR), "--format", "json", "--skip-non-html", str(root)]
    done = subprocess.run(vnu, capture_output=True, text=True, timeout=600)
    return json.loads(done.stderr or done.stdout)["messages"]


def unexpected(messages) -> list[str]:
    return [
        f"{m['url'].rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] in ("error", "non-document-error")
        and not any(rule.match(m["message"]) for rule in THEME_EXCEPTIONS.values())
    ]


def test_every_page_is_valid_html(site_dir):
    messages = run_vnu(site_dir)
    problems = unexpected(messages)
    assert not problems, "\n".join(problems[:40])


def test_the_validator_reports_real_errors(tmp_path):
    (tmp_path / "bad.html").write_text("<!doctype html><html lang=en><title>x</title><p><div></p>", encoding="utf-8")
    assert unexpected(run_vnu(tmp_path))
