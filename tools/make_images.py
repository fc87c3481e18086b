"""Rasterise the app icons and link-preview images from overrides/assets/img/icon.svg.

    .venv/bin/python tools/make_images.py

The PNGs are committed (small, and the build then needs no image library);
run this again only when icon.svg or the preview text changes. Debian's
Chromium draws them, through Playwright (requirements-test.txt).
"""
import re
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
IMG = ROOT / "overrides" / "assets" / "img"
CHROMIUM = "/usr/bin/chromium"

# Link previews: 1200×630 is what messengers and social networks crop least.
PREVIEWS = {
    "og-es.png": ("Trato claro", "Cliente y especialista en redes sociales: expectativas, brief, contrato y "
                  "calculadoras, sin peleas."),
    "og-en.png": ("Clear Deal", "Client and social media specialist: expectations, the brief, the contract and "
                  "calculators, without fighting."),
}


def full_bleed(svg: str) -> str:
    """The icon without its rounded corners: maskable icons and Apple's icon get masked by the OS.
    The tick stays inside the central 80 % circle that every mask keeps."""
    return re.sub(r'\srx="[^"]*"', "", svg, count=1)


def icon_page(svg: str, size: int) -> str:
    return (f"<style>html,body{{margin:0;background:transparent}}svg{{display:block;width:{size}px;"
            f"height:{size}px}}</style>{svg}")


def preview_page(svg: str, title: str, lead: str) -> str:
    return f"""<style>
  html, body {{ margin: 0; width: 1200px; height: 630px; }}
  body {{ display: flex; align-items: center; gap: 56px; padding: 0 88px; box-sizing: border-box;
         background: #00695c; color: #fff; font-family: "DejaVu Sans", Arial, sans-serif; }}
  svg {{ flex: none; width: 220px; height: 220px; }}
  h1 {{ margin: 0 0 24px; font-size: 84px; line-height: 1; }}
  p {{ margin: 0; font-size: 36px; line-height: 1.3; }}
</style>{svg.replace('fill="#00695c"', 'fill="#004d40"')}<div><h1>{title}</h1><p>{lead}</p></div>"""


def main():
    svg = (IMG / "icon.svg").read_text(encoding="utf-8")
    jobs = [
        ("icon-192.png", icon_page(svg, 192), 192, 192),
        ("icon-512.png", icon_page(svg, 512), 512, 512),
        ("icon-maskable-512.png", icon_page(full_bleed(svg), 512), 512, 512),
        ("apple-touch-icon.png", icon_page(full_bleed(svg), 180), 180, 180),
    ] + [(name, preview_page(svg, *text), 1200, 630) for name, text in PREVIEWS.items()]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for name, html, width, height in jobs:
            page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
            page.set_content(html)
            page.screenshot(path=str(IMG / name), omit_background=True)
            page.close()
            print(f"{name}: {width}×{height}, {(IMG / name).stat().st_size} bytes")
        browser.close()


if __name__ == "__main__":
    main()
