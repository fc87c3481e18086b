"""Every internal link and #anchor in the built site resolves, in both languages."""
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from tests.built.site_pages import all_html_files, soup_of

LINK_ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "iframe": "src"}
SITE = "http://site.invalid/"  # a stand-in origin to resolve relative URLs against
NOT_FETCHED = ("mailto:", "tel:", "javascript:", "data:", "#__")


def url_of(site: Path, file: Path) -> str:
    rel = file.relative_to(site).as_posix()
    return urljoin(SITE, rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def target_file(site: Path, url: str) -> Path | None:
    path = unquote(urlsplit(url).path).lstrip("/")
    candidate = site / path
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


@cache  # once per page, not once per link into it
def ids_in(file: Path) -> set[str]:
    soup = soup_of(file)
    return {el["id"] for el in soup.find_all(id=True)} | {el["name"] for el in soup.find_all("a", attrs={"name": True})}


def links_in(file: Path):
    """(tag, attribute, value) of every link of the page, in one walk of it."""
    for el in soup_of(file).find_all(LINK_ATTRS):
        if el.has_attr(attr := LINK_ATTRS[el.name]):
            yield el.name, attr, el[attr].strip()


def broken_links(site: Path) -> list[str]:
    broken = []
    for file in all_html_files(site):
        here = url_of(site, file)
        for tag, attr, raw in links_in(file):
            if not raw or raw.startswith(NOT_FETCHED) or urlsplit(raw).scheme in ("http", "https"):
                continue  # absolute links are checked by test_hosts / the external-link report
            url = urljoin(here, raw)
            target = target_file(site, url)
            where = f"{file.relative_to(site)}: <{tag} {attr}={raw!r}>"
            if target is None:
                broken.append(f"{where} → missing {urlsplit(url).path}")
                continue
            fragment = unquote(urlsplit(url).fragment)
            if fragment and target.suffix == ".html" and fragment not in ids_in(target):
                broken.append(f"{where} → no #{fragment} in {target.relative_to(site)}")
    return broken


def test_every_internal_link_and_anchor_resolves(site_dir):
    broken = broken_links(site_dir)
    assert not broken, "\n".join(broken[:50])


def test_the_checker_catches_a_broken_link(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<a href="../b/">x</a><a href="#nope">y</a><p id="ok"></p>')
    broken = broken_links(tmp_path)
    assert len(broken) == 2 and "missing /b/" in broken[0] and "no #nope" in broken[1]


def external_links(site: Path) -> dict[str, set[str]]:
    """Every link to another site, by page. Listed, never fetched (no network in tests)."""
    found: dict[str, set[str]] = {}
    for file in all_html_files(site):
        for a in soup_of(file).find_all("a", href=True):
            if urlsplit(a["href"]).scheme in ("http", "https", "mailto"):
                found.setdefault(a["href"], set()).add(file.relative_to(site).as_posix())
    return found


def test_external_links_are_reported_and_well_formed(site_dir):
    from tests.conftest import ARTIFACTS

    links = external_links(site_dir)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    lines = ["# External links in the built site (not fetched)", ""]
    lines += [f"- {href} — {len(pages)} page(s), e.g. {sorted(pages)[0]}" for href, pages in sorted(links.items())]
    (ARTIFACTS / "external-links.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    bad = [href for href in links if urlsplit(href).scheme == "http" or
           (urlsplit(href).scheme == "https" and "." not in urlsplit(href).netloc)]
    assert not bad, bad
