"""HTML of the widgets that macros embed in pages. Pure: data in, markup out."""
import html
import posixpath

CALCULATORS = ("turnaround", "response-time", "client-delay", "penalty", "revenue-share", "cost-of-sale")


def relative_url(from_page_url: str, target: str) -> str:
    """Link from one page (its URL path, '' for home) to another, as MkDocs writes them."""
    base = from_page_url.rstrip("/") if from_page_url else ""
    rel = posixpath.relpath(target or ".", base or ".")
    return "./" if rel == "." else rel.rstrip("/") + "/"


def calculator_card(name: str, page_url: str, strings: dict[str, str]) -> str:
    """A link card to a calculator page (used until the interactive widget is embedded)."""
    if name not in CALCULATORS:
        raise ValueError(f"unknown calculator {name!r}; expected one of {CALCULATORS}")
    href = relative_url(page_url, f"calculators/{name}/")
    title = html.escape(strings[f"calc.{name}.title"])
    lead = html.escape(strings[f"calc.{name}.lead"])
    return (f'<div class="calc-card" data-calc-card="{name}">'
            f'<p class="calc-card__title"><a href="{href}">{title}</a></p>'
            f'<p class="calc-card__lead">{lead}</p></div>')
