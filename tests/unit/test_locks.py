"""The locks `make` installs from say what the readable requirements say, and agree with each other."""
import re

from tests.conftest import ROOT

PIN = re.compile(r"^([A-Za-z0-9_.-]+)==([^\s\\;]+)", re.M)


def pins(name: str) -> dict[str, str]:
    text = (ROOT / name).read_text(encoding="utf-8")
    return {package.lower().replace("_", "-"): version for package, version in PIN.findall(text)}


def test_every_top_level_pin_is_locked_at_its_version():
    for top, lock in (("requirements.txt", "requirements.lock"), ("requirements-test.txt", "requirements-test.lock"),
                      ("requirements-zensical.txt", "requirements-zensical.lock")):
        locked = pins(lock)
        assert {p: v for p, v in pins(top).items() if locked.get(p) != v} == {}, (top, lock)


def test_the_site_lock_and_the_test_lock_agree():
    site, test = pins("requirements.lock"), pins("requirements-test.lock")
    assert {p: (v, test.get(p)) for p, v in site.items() if test.get(p) != v} == {}


def test_the_zensical_lock_builds_with_the_sites_versions():
    """Its own venv, but every package it shares with the site (Markdown, pymdown-extensions, what
    macros/ imports) at the site's version: the proof builds the same Markdown the same way."""
    site, zensical = pins("requirements.lock"), pins("requirements-zensical.lock")
    assert {p: (v, site[p]) for p, v in zensical.items() if p in site and site[p] != v} == {}


def test_every_locked_package_has_a_hash():
    for lock in ("requirements.lock", "requirements-test.lock", "requirements-zensical.lock"):
        blocks = re.split(r"\n(?=[A-Za-z0-9_.-]+==)", (ROOT / lock).read_text(encoding="utf-8"))
        unhashed = [b.split()[0] for b in blocks if PIN.match(b) and "--hash=sha256:" not in b]
        assert unhashed == [], lock
