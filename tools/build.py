"""Build both languages into one folder (Spanish first: it empties the folder; English into en/).

    python tools/build.py [--port 8000] [--dir site]   local: SITE_URL or http://127.0.0.1:PORT/
    python tools/build.py --dist [--dir site]          production: SITE_URL required, host files
    python tools/build.py --generator zensical [...]   the same site built by Zensical (make zensical)

The English root always follows SITE_URL (+ en/). --dist refuses a missing, relative or local
SITE_URL before building, then writes _headers and _redirects into the site (tools/hosting.py)
and the nginx includes into build/nginx/ (deploy/nginx/site.conf).

After the generator, the post-build step (tools/postbuild.py) finishes each language it has not
finished itself: MkDocs runs it from its hook, Zensical runs no hooks.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros import addresses  # noqa: E402
from tools import hosting, postbuild  # noqa: E402

# The one place that knows the layout: each language's config and its folder in the site.
CONFIGS = {"es": "mkdocs.yml", "en": "mkdocs.en.yml"}
LANG_PREFIX = {"es": "", "en": "en/"}
NGINX_DIR = ROOT / "build" / "nginx"
# Zensical lives in its own venv (make zensical: requirements-zensical.lock), apart from MkDocs'.
ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"
# What a build reads. Zensical has no --site-dir and keeps site_dir inside the project, so it
# builds a copy of these and the result is moved to the requested folder.
SOURCES = ("docs", "macros", "overrides")  # and the configs, rewritten below


def roots(env: dict, dist: bool, port: int) -> tuple[str, str]:
    """(Spanish root, English root) for this build."""
    if dist:
        spanish = addresses.public(env.get("SITE_URL", ""), "SITE_URL")
    else:
        spanish = addresses.with_slash(env.get("SITE_URL") or f"http://127.0.0.1:{port}/")
    return spanish, addresses.english_root(spanish, env.get("SITE_URL_EN"))


def mkdocs_build(code: str, target: Path, env: dict | None = None, quiet: bool = False, wrapper: tuple = (),
                 **run) -> subprocess.CompletedProcess:
    """One language's strict MkDocs build into target (`wrapper`: a program to run it through;
    `run`: subprocess.run's options)."""
    command = [*wrapper, sys.executable, "-m", "mkdocs", "build", "--strict", "-f", CONFIGS[code], "-d", str(target)]
    env = {**(os.environ if env is None else env), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(command + (["-q"] if quiet else []), cwd=ROOT, env=env, **run)


def build_languages(site_dir: Path, env: dict | None = None, quiet: bool = False, wrapper: tuple = (),
                    **run) -> dict[str, subprocess.CompletedProcess]:
    """Both languages into site_dir: Spanish first (its build empties the folder), then English into en/."""
    return {code: mkdocs_build(code, site_dir / LANG_PREFIX[code], env, quiet, wrapper, **run) for code in CONFIGS}


def layout() -> list[tuple[str, str]]:
    """(config file, folder below the site) per language, Spanish first: the post-build step's view."""
    return [(CONFIGS[code], LANG_PREFIX[code]) for code in CONFIGS]


def build(site_dir: Path, spanish: str, english: str, quiet: bool = False, generator: str = "mkdocs") -> None:
    env = {**os.environ, "SITE_URL": spanish, "SITE_URL_EN": english, "NO_MKDOCS_2_WARNING": "1"}
    if generator == "zensical":
        build_with_zensical(site_dir, env, quiet)
    else:
        build_languages(site_dir, env, quiet, check=True)
    postbuild.finish_site(site_dir, layout())


def build_with_zensical(site_dir: Path, env: dict, quiet: bool) -> None:
    """Both languages with Zensical, in a copy of the sources (its site_dir must lie inside the
    project, and a fresh copy is a clean build with no cache), then moved to site_dir."""
    if not ZENSICAL.exists():
        raise FileNotFoundError(f"{ZENSICAL.relative_to(ROOT)} is missing: make zensical installs it")
    with tempfile.TemporaryDirectory(prefix="zensical-") as work:
        project = Path(work)
        # Zensical publishes every file of custom_dir, overrides/README.md too (MkDocs skips it).
        skipped = shutil.ignore_patterns("__pycache__", "README.md")
        for name in SOURCES:
            if (ROOT / name).is_dir():
                shutil.copytree(ROOT / name, project / name, ignore=skipped)
            else:
                shutil.copy2(ROOT / name, project / name)
        for config in CONFIGS.values():
            # Zensical's INHERIT appends lists (nav, palette, extra.alternate) where MkDocs replaces
            # them: it gets each config with INHERIT resolved the MkDocs way.
            flat = yaml.safe_dump(postbuild.read_config(ROOT / config, env), allow_unicode=True, sort_keys=False)
            (project / config).write_text(flat, encoding="utf-8")
        for config in CONFIGS.values():  # site_dir in each config: site/ and site/en/, Spanish first
            subprocess.run([str(ZENSICAL), "build", "--strict", "-f", config], cwd=project,
                           env={**env, "PYTHONPATH": str(project)}, check=True, capture_output=quiet)
        shutil.rmtree(site_dir, ignore_errors=True)
        shutil.move(project / "site", site_dir)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", default="site")
    parser.add_argument("--port", type=int, default=8000, help="local builds: the port `make serve` uses")
    parser.add_argument("--dist", action="store_true", help="a production build: public SITE_URL, host files")
    parser.add_argument("--nginx-dir", default=str(NGINX_DIR))
    parser.add_argument("--generator", choices=("mkdocs", "zensical"), default="mkdocs")
    args = parser.parse_args()
    try:
        spanish, english = roots(os.environ, args.dist, args.port)
    except addresses.AddressError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    site_dir = Path(args.dir).resolve()
    try:
        build(site_dir, spanish, english, generator=args.generator)
    except subprocess.CalledProcessError as error:
        return error.returncode
    if args.dist:
        for path in hosting.write(site_dir, Path(args.nginx_dir)):
            print(f"wrote {path}")
        print(f"Production site in {args.dir}/ for {spanish} (Español) and {english} (English).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
