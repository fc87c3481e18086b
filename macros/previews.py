"""Link previews: one 1200×630 PNG per page showing its own title, drawn at build time.

Pillow draws them with Atkinson Hyperlegible (OFL, shipped by the pip package
fontpkg-atkinson-hyperlegible): Pillow's own default font has no accents, and the
build must not depend on the machine's fonts or the network. A file's name is a
hash of everything drawn on it, so a messenger that cached an old preview sees a
new address when a title changes, and a rebuild copies unchanged images from
build/og-cache/ instead of drawing them again. The post-build step (tools/postbuild.py) draws
them from each built page's own og:title and its section in the nav, so every generator's
output gets them (Zensical runs no MkDocs hooks).
"""
import hashlib
import io
import os
import shutil
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import fontpkg_atkinson_hyperlegible as atkinson
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630  # what messengers and social networks crop least
PREFIX = "assets/img/og-"  # macros/offline.py leaves files with this prefix out of the precache
CACHE_DIR = Path(__file__).resolve().parent.parent / "build" / "og-cache"
FONTS = atkinson.ROOT / "files"
# The theme's colours (overrides/assets/img/icon.svg, theme-color): white on teal is 7.4:1.
BACKGROUND = "#00695c"
MARK_FILL = "#004d40"
MARK_SHORT_STROKE = "#80cbc4"
TEXT = "#ffffff"
QUIET_TEXT = "#b2dfdb"
MARGIN = 80
TITLE_SIZES = range(84, 47, -4)  # largest size whose wrapped title fits
TITLE_MAX_LINES = 3
PALETTE_COLOURS = 32  # flat colours and anti-aliased text: 32 look the same as millions, at a tenth the bytes
# Bump when the drawing changes, so cached images made by the old code are not reused.
DESIGN = (2, WIDTH, HEIGHT, BACKGROUND, MARK_FILL, MARK_SHORT_STROKE, TEXT, QUIET_TEXT, MARGIN,
          tuple(TITLE_SIZES), TITLE_MAX_LINES, PALETTE_COLOURS)


@dataclass(frozen=True)
class Preview:
    """What one page's image shows: the site's name beside its mark, the page's section (two
    pages may share a title: the chapter and the template of the same rules), its title, and a
    line under it."""
    site_name: str
    title: str
    tagline: str = ""
    section: str = ""

    @property
    def alt(self) -> str:
        return f"{self.site_name}: {self.section} · {self.title}" if self.section else f"{self.site_name}: {self.title}"

    @property
    def key(self) -> str:
        text = "\n".join([repr(DESIGN), self.site_name, self.section, self.title, self.tagline])
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]

    @property
    def path(self) -> str:
        """Where the image lives below the language root."""
        return f"{PREFIX}{self.key}.png"


@cache
def font(weight: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / f"AtkinsonHyperlegible-{weight}.ttf"), size)


def missing_glyphs(text: str, weight: str = "Bold") -> set[str]:
    """Characters the font would draw as an empty box: their mask is the one of a private-use
    code point, which no font of ours covers."""
    face = font(weight, 40)
    notdef = bytes(face.getmask("\ue000"))
    return {ch for ch in set(text) if not ch.isspace() and bytes(face.getmask(ch)) == notdef}


def wrap(text: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy word wrap measured in pixels; a word longer than the width stays whole."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and face.getlength(candidate) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def fit_title(text: str, width: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest size at which the title fits in TITLE_MAX_LINES lines of `width`."""
    for size in TITLE_SIZES:
        face = font("Bold", size)
        lines = wrap(text, face, width)
        if len(lines) <= TITLE_MAX_LINES and all(face.getlength(line) <= width for line in lines):
            return face, lines
    raise ValueError(f"link preview: title too long for {TITLE_MAX_LINES} lines: {text!r}")


@cache
def mark(size: int) -> Image.Image:
    """The site's mark (icon.svg: a tick on a rounded square), drawn 4× larger and scaled
    down, since Pillow's shapes have no anti-aliasing of their own."""
    scale = size * 4 / 48  # icon.svg's viewBox is 48 units wide
    big = Image.new("RGBA", (size * 4, size * 4), (0, 0, 0, 0))
    draw = ImageDraw.Draw(big)
    draw.rounded_rectangle((0, 0, size * 4 - 1, size * 4 - 1), radius=round(11 * scale), fill=MARK_FILL)
    stroke = round(5.5 * scale)
    for (x1, y1), (x2, y2), colour in (((12.5, 25), (20, 32.5), MARK_SHORT_STROKE),
                                       ((20, 32.5), (35.5, 15.5), TEXT)):
        points = [(x1 * scale, y1 * scale), (x2 * scale, y2 * scale)]
        draw.line(points, fill=colour, width=stroke)
        for x, y in points:  # round caps
            draw.ellipse((x - stroke / 2, y - stroke / 2, x + stroke / 2, y + stroke / 2), fill=colour)
    return big.resize((size, size), Image.Resampling.LANCZOS)


def render(preview: Preview) -> bytes:
    """The PNG: mark and site name at the top, the title large, the tagline at the foot."""
    missing = missing_glyphs(preview.site_name + preview.section + preview.title + preview.tagline)
    if missing:
        raise ValueError(f"link preview: the font has no glyph for {''.join(sorted(missing))!r}")
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    mark_size = 88
    image.paste(mark(mark_size), (MARGIN, 72), mark(mark_size))  # the mark is its own alpha mask
    draw.text((MARGIN + mark_size + 28, 72 + mark_size / 2), preview.site_name, font=font("Bold", 52),
              fill=TEXT, anchor="lm")
    face, lines = fit_title(preview.title, WIDTH - 2 * MARGIN)
    line_height = round(face.size * 1.12)
    block = line_height * len(lines)
    top = 230 + (280 - block) / 2  # centred in the band between the section and the tagline
    if preview.section:
        draw.text((MARGIN, top - 24), preview.section.upper(), font=font("Bold", 30), fill=QUIET_TEXT, anchor="ls")
    for number, line in enumerate(lines):
        draw.text((MARGIN, top + number * line_height), line, font=face, fill=TEXT, anchor="la")
    if preview.tagline:
        draw.text((MARGIN, HEIGHT - 72), preview.tagline, font=font("Regular", 34), fill=QUIET_TEXT, anchor="ls")
    quantised = image.quantize(colors=PALETTE_COLOURS, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    buffer = io.BytesIO()
    quantised.save(buffer, "PNG")  # optimize=True saves a tenth of the bytes for three times the time
    return buffer.getvalue()


def write(preview: Preview, site_dir: Path, cache_dir: Path = CACHE_DIR) -> Path:
    """The image into the built site, drawn only when the cache does not hold it yet."""
    cached = Path(cache_dir) / f"{preview.key}.png"
    if not cached.is_file():
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")  # parallel builds never see half a file
        partial.write_bytes(render(preview))
        os.replace(partial, cached)
    target = Path(site_dir) / preview.path
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached, target)
    return target


def for_page(site_name: str, title: str, section: str, is_home: bool, strings: dict[str, str]) -> Preview:
    """A page's preview: its section and title over the guide's tagline; the home page, whose
    title is the site's name (already beside the mark), says what the guide is instead."""
    if is_home:
        return Preview(site_name, strings["preview.home_title"])
    return Preview(site_name, title, strings["preview.tagline"], section)


def nav_sections(nav, section: str = "") -> dict[str, str]:
    """Each page of a config's nav → its section, the innermost, as MkDocs gives page.parent.title
    ({"templates/report.md": "Templates"}); a top-level page has none ("")."""
    found: dict[str, str] = {}
    for entry in nav or []:
        items = entry.items() if isinstance(entry, dict) else [(None, entry)]
        for title, value in items:
            if isinstance(value, list):
                found |= nav_sections(value, str(title))
            elif isinstance(value, str) and value.endswith(".md"):
                found[value] = section
    return found


def built_page(source: str) -> str:
    """A page's source below docs_dir → its built file (directory URLs): "rules.md" → "rules/index.html"."""
    stem = source.removesuffix(".md")
    return f"{stem}.html" if stem == "index" or stem.endswith("/index") else f"{stem}/index.html"
