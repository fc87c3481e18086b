"""Is a site address fit to publish? Used by the build's warning (macros/hooks.py) and by
`make dist` (tools/build.py), which refuses a local one: the sitemaps, canonical and hreflang
links, link previews, every QR code and the printed link list are made from it."""
import ipaddress
from urllib.parse import urlsplit

LOCAL_NAMES = ("localhost", "localhost.localdomain")


class AddressError(ValueError):
    pass


def is_local(url: str) -> bool:
    """True for addresses only this machine or its network can reach."""
    host = (urlsplit(url).hostname or "").lower()
    if host in LOCAL_NAMES or host.endswith((".localhost", ".local")):
        return True
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return False
    return ip.is_loopback or ip.is_private or ip.is_unspecified or ip.is_link_local


def with_slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def public(url: str, name: str) -> str:
    """`url` as a root address (trailing slash), or AddressError saying what is wrong with it."""
    url = (url or "").strip()
    parts = urlsplit(url)
    if not url:
        raise AddressError(f"{name} is not set. Give the public address of the site, e.g. "
                           f"make dist {name}=https://example.org/")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise AddressError(f"{name}={url!r} is not an absolute http(s) address, e.g. https://example.org/")
    if parts.query or parts.fragment:
        raise AddressError(f"{name}={url!r}: a site root has no ?query or #fragment")
    if is_local(url):
        raise AddressError(f"{name}={url!r} is a local address: readers could not open its links and QR codes. "
                           "Use `make build` or `make serve` for a local site.")
    return with_slash(url)


def english_root(site_url: str, site_url_en: str | None) -> str:
    """English lives at SITE_URL + en/: the language switcher, hreflang links and the Spanish
    worker's scope are relative to that layout, so another English address would break them."""
    derived = with_slash(site_url) + "en/"
    if site_url_en and with_slash(site_url_en.strip()) != derived:
        raise AddressError(f"SITE_URL_EN={site_url_en!r} must be {derived!r}: both languages are one tree "
                           "(site/ and site/en/). Leave SITE_URL_EN out and it follows SITE_URL.")
    return derived
