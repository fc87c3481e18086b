"""The one post-build step: what has to see a language's finished pages, whatever built them.

    python tools/postbuild.py [--site site] [--dist] [--nginx-dir build/nginx]

For each language root (Spanish at site/, English at site/en/; tools/build.py's layout()), in
this order, because each step must see the files as the next one ships them:
  1. every page, read and written once: its own link-preview image, drawn from its og:title and
     its section in the nav (macros/previews.py), into its og:image tags; its theme-color meta
     tag from the stylesheet (macros/theme.py); its Content-Security-Policy meta tag, with its
     own inline scripts' hashes (macros/csp.py);
  2. our JS minified (macros/assets.py);
  3. the search index tuned with synonyms and tool tags (macros/search.py), where the generator
     wrote Material's lunr index (Zensical writes its own search.json: left as it is);
  4. the date calculators' holiday files (macros/widgets.py);
  5. the web app manifest and the service worker with its precache list (macros/offline.py),
     last: the list records every file as shipped.
Then, with --dist, the host files over both languages (tools/hosting.py: _headers, _redirects,
the nginx includes), whose CSP header joins every page's hashes.

MkDocs runs `finish_language` from its hook (macros/hooks.py on_post_build), so `mkdocs build`
alone still gives a complete language; tools/build.py runs `finish_site` after every build,
which leaves a language that is already finished alone (its worker has no placeholder left),
so nothing is done twice. The settings come from the language's config file (YAML, read here
without MkDocs), so Zensical's output gets the same treatment as MkDocs'.
"""
import argparse
import datetime
import html
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: reach macros/

from macros import assets, build_day, csp, lang, offline, previews, search, theme, widgets  # noqa: E402
from tools import hosting  # noqa: E402


@dataclass(frozen=True)
class Language:
    """What the step needs to know about one language's build."""
    code: str
    name: str
    description: str
    alternate_links: tuple[str, ...]  # extra.alternate links, relative to this language's root
    alternates: tuple[dict, ...]      # extra.alternate entries (link, lang): the not-saved pages
    root_path: str                    # the path of site_url: where this language lives on the host
    day: datetime.date                # the build day (macros/build_day.py): holiday years follow it
    sections: dict[str, str] = field(default_factory=dict, compare=False)  # built page → its nav section


def finished(lang_dir: Path) -> bool:
    """The worker's precache list is the last thing written: once it is in, the language is done."""
    worker = Path(lang_dir) / offline.SW_NAME
    return worker.is_file() and offline.PLACEHOLDER not in worker.read_text(encoding="utf-8")


def pages(lang_dir: Path, skip: list[str]) -> list[Path]:
    """This language's HTML files (not those below another language's root inside this one)."""
    return [path for path in sorted(Path(lang_dir).rglob("*.html"))
            if not any(path.relative_to(lang_dir).as_posix().startswith(prefix) for prefix in skip)]


def finish_pages(lang_dir: Path, language: Language, skip: list[str]) -> None:
    """Step 1: each page's preview image, theme colour and CSP meta tag, in one read and write."""
    strings = lang.strings(language.code)
    for path in pages(lang_dir, skip):
        text = with_preview(path.read_text(encoding="utf-8"), path.relative_to(lang_dir).as_posix(),
                            lang_dir, language, strings)
        path.write_text(csp.add_policy(theme.fill_meta(text)), encoding="utf-8")


def meta_tag(attribute: str, name: str) -> re.Pattern:
    """One of the template's meta tags (overrides/main.html), its content in group 2."""
    return re.compile(rf'(<meta {attribute}="{re.escape(name)}" content=")([^"]*)(">)')


OG_TITLE = meta_tag("property", "og:title")
IMAGE_TAGS = (meta_tag("property", "og:image"), meta_tag("name", "twitter:image"))
ALT_TAGS = (meta_tag("property", "og:image:alt"), meta_tag("name", "twitter:image:alt"))
SHARED_IMAGE = re.compile(r"assets/img/og-[a-z]+\.png$")  # what the template writes: the language's image


def with_preview(text: str, rel: str, lang_dir: Path, language: Language, strings: dict) -> str:
    """The page's own preview image (drawn into lang_dir) in place of the shared one the template
    wrote; the 404 page, no page of the guide, keeps the shared one (as does a build without
    site_url: no tags)."""
    title = OG_TITLE.search(text)
    if rel == "404.html" or not title or not IMAGE_TAGS[0].search(text):
        return text
    preview = previews.for_page(language.name, html.unescape(title[2]), language.sections.get(rel, ""),
                                rel == "index.html", strings)
    previews.write(preview, lang_dir)
    image = SHARED_IMAGE.sub(preview.path, IMAGE_TAGS[0].search(text)[2])  # the same site_url before it
    alt = html.escape(preview.alt, quote=False).replace('"', "&quot;")
    for tags, content in ((IMAGE_TAGS, image), (ALT_TAGS, alt)):
        for tag in tags:
            text = with_content(text, tag, content)
    return text


def with_content(text: str, tag: re.Pattern, content: str) -> str:
    return tag.sub(lambda match: match[1] + content + match[3], text, count=1)


def write_holiday_presets(lang_dir: Path, code: str, year: int) -> None:
    """The date calculators' country presets for the years around the build day's, one file
    per country, fetched on demand."""
    for rel, text in widgets.holiday_files(code, year).items():
        (lang_dir / rel).parent.mkdir(parents=True, exist_ok=True)
        (lang_dir / rel).write_text(text, encoding="utf-8")


def finish_language(lang_dir: Path, language: Language) -> None:
    """Steps 1–5 above over one language's freshly built folder."""
    lang_dir = Path(lang_dir)
    skip = offline.nested_roots(list(language.alternate_links))
    finish_pages(lang_dir, language, skip)
    assets.minify_scripts(lang_dir)
    if (lang_dir / search.INDEX).is_file():
        search.tune_index_file(lang_dir, language.code)
    write_holiday_presets(lang_dir, language.code, language.day.year)
    offline.write_offline_files(
        lang_dir,
        alternate_links=list(language.alternate_links),
        name=language.name,
        short_name=language.name,
        description=language.description,
        code=language.code,
        alternates=list(language.alternates),
        root_path=language.root_path,
    )


# -- Settings from the config files (mkdocs.yml syntax: INHERIT, !ENV) ----------

def _env_value(loader, node, env) -> str | None:
    """!ENV VAR or !ENV [VAR, …, default]: the first variable set, else the default."""
    names = [loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode) else loader.construct_sequence(node)
    *variables, default = names if len(names) > 1 else (*names, None)
    return next((env[name] for name in variables if name in env), default)


def _merge(base: dict, override: dict) -> dict:
    """MkDocs' INHERIT: mappings merge key by key, everything else is replaced."""
    merged = dict(base)
    for key, value in override.items():
        both_mappings = isinstance(value, dict) and isinstance(merged.get(key), dict)
        merged[key] = _merge(merged[key], value) if both_mappings else value
    return merged


def read_config(path: Path, env=None) -> dict:
    """A config file as MkDocs reads it; !ENV from env (default: this process's environment)."""
    env = os.environ if env is None else env

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: _env_value(loader, node, env))
    data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=Loader) or {}
    parent = data.pop("INHERIT", None)
    return _merge(read_config(Path(path).parent / parent, env), data) if parent else data


def language_of(config: dict, root: Path = ROOT) -> Language:
    """From a MkDocs config object (the hook) or the mapping read_config gives (its docs_dir
    relative to the project root)."""
    alternates = tuple((config.get("extra") or {}).get("alternate", []))
    return Language(
        code=config["theme"]["language"],
        name=config["site_name"],
        description=" ".join((config.get("site_description") or "").split()),
        alternate_links=tuple(alt.get("link") or "" for alt in alternates),
        alternates=alternates,
        root_path=urlsplit(config.get("site_url") or "/").path,
        day=build_day.of(config, root),
        sections={previews.built_page(source): section
                  for source, section in previews.nav_sections(config.get("nav")).items()},
    )


def finish_site(site_dir: Path, configs, root: Path = ROOT) -> list[str]:
    """Every language of the site not finished yet (the MkDocs hook finishes its own); returns their
    codes. configs: (config file, folder below the site) per language, tools/build.py's layout()."""
    done = []
    for config, folder in configs:
        lang_dir = Path(site_dir) / folder
        if not finished(lang_dir):
            language = language_of(read_config(root / config), root)
            finish_language(lang_dir, language)
            done.append(language.code)
    return done


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default="site")
    parser.add_argument("--dist", action="store_true", help="also the host files (_headers, _redirects, nginx)")
    parser.add_argument("--nginx-dir", default=str(ROOT / "build" / "nginx"))
    args = parser.parse_args()
    from tools.build import layout  # build.py runs this module: imported late, not in a circle

    site_dir = Path(args.site).resolve()
    for code in finish_site(site_dir, layout()):
        print(f"finished {code} in {site_dir}")
    if args.dist:
        for path in hosting.write(site_dir, Path(args.nginx_dir)):
            print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
