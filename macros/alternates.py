"""This page in every language, as absolute URLs: <link rel="alternate" hreflang> in the head.

Slugs are shared by both languages, so the page in another language is that
language's root plus this page's path. Roots come from `extra.alternate` links
(relative to this build's root) resolved against `site_url`, so SITE_URL and
SITE_URL_EN stay the only addresses to set when deploying.
"""
from urllib.parse import urljoin


def language_roots(site_url: str, alternate: list[dict]) -> dict[str, str]:
    """{'es': 'https://example.org/', 'en': 'https://example.org/en/'} from the build's config."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return {alt["lang"]: urljoin(base, alt.get("link") or "") for alt in alternate}


def page_alternates(site_url: str, alternate: list[dict], page_url: str) -> list[tuple[str, str]]:
    """(hreflang, href) for every language, then x-default: the first (default) language."""
    if not site_url:
        return []  # no absolute address to give; hreflang needs one
    roots = language_roots(site_url, alternate)
    links = [(code, root + page_url) for code, root in roots.items()]
    return links + [("x-default", links[0][1])] if links else []
