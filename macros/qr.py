"""QR codes as inline SVG, drawn at build time (segno): no image request, sharp at any size, printable."""
import html

import segno


def svg(url: str, label: str, css_class: str = "qr") -> str:
    """A QR code of `url`; `label` names it for screen readers (role="img" + aria-label).

    Error level M survives a smudged print or a projector's glare; a quiet zone of
    4 modules is what phone cameras need to find the code on a busy slide."""
    code = segno.make(url, error="m", micro=False)
    drawing = code.svg_inline(scale=1, border=4, omitsize=True, dark="#000", light="#fff")
    return drawing.replace(
        "<svg ", f'<svg role="img" aria-label="{html.escape(label, quote=True)}" class="{css_class}" ', 1,
    ).replace(' class="segno"', "", 1)


def card(url: str, href: str, label: str) -> str:
    """A QR code with its address underneath, for the slides page: {{ qr_card("contract/") }}."""
    return (f'<figure class="qr-card">{svg(url, label)}'
            f'<figcaption><a href="{html.escape(href, quote=True)}">{html.escape(url)}</a></figcaption></figure>')
