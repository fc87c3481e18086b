"""Link-preview images (macros/previews.py): every letter drawn, the title fitted, the cache reused."""
import io

import pytest
from PIL import Image

from macros import lang, previews

SPANISH = "Penalización, ¿cuándo?, ñ, “ ” «50 %» — Ü"


def test_the_font_has_every_letter_of_spanish_and_english_titles():
    assert previews.missing_glyphs(SPANISH) == set()
    assert previews.missing_glyphs("Edit turnaround: 10 % off — it’s “fine”") == set()


def test_a_letter_the_font_lacks_is_found_and_fails_the_build():
    assert previews.missing_glyphs("Plazo 期限") == {"期", "限"}
    with pytest.raises(ValueError, match="no glyph"):
        previews.render(previews.Preview("Trato claro", "Plazo 期限"))


def test_an_accent_changes_what_is_drawn():
    plain, accented = (previews.render(previews.Preview("Trato claro", title))
                       for title in ("Penalizacion", "Penalización"))
    assert plain != accented


def test_the_image_is_a_small_1200_by_630_palette_png():
    data = previews.render(previews.Preview("Clear Deal", "Choosing a specialist and reading a proposal",
                                            "A guide for clients and social media specialists", "The guide"))
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "PNG" and image.mode == "P" and image.size == (1200, 630)
    assert len(data) < 40_000


def test_long_titles_shrink_and_wrap_and_a_title_that_cannot_fit_fails():
    face, lines = previews.fit_title("Elegir especialista y leer una propuesta", 1040)
    assert len(lines) == 2 and face.size == max(previews.TITLE_SIZES)
    face, lines = previews.fit_title(" ".join(["Presupuesto"] * 8), 1040)
    assert len(lines) <= previews.TITLE_MAX_LINES and face.size < max(previews.TITLE_SIZES)
    with pytest.raises(ValueError, match="too long"):
        previews.fit_title(" ".join(["Presupuesto"] * 60), 1040)


def test_the_file_name_follows_what_is_drawn():
    one = previews.Preview("Trato claro", "Reglas de interacción", "Guía", "La guía")
    assert one.path == previews.Preview("Trato claro", "Reglas de interacción", "Guía", "La guía").path
    assert one.path != previews.Preview("Trato claro", "Reglas de interacción", "Guía", "Plantillas").path
    assert one.path.startswith(previews.PREFIX) and one.path.endswith(".png")
    assert one.alt == "Trato claro: La guía · Reglas de interacción"


def test_a_cached_image_is_copied_not_drawn_again(tmp_path, monkeypatch):
    preview = previews.Preview("Clear Deal", "Late penalty", "A guide")
    first = previews.write(preview, tmp_path / "site", tmp_path / "cache")
    monkeypatch.setattr(previews, "render", lambda _: pytest.fail("drew a cached image again"))
    second = previews.write(preview, tmp_path / "site2", tmp_path / "cache")
    assert first.read_bytes() == second.read_bytes() and second.name == preview.path.rsplit("/", 1)[1]


@pytest.mark.parametrize("code", lang.LANGUAGES)
def test_the_home_page_says_what_the_guide_is_and_other_pages_carry_the_tagline(code):
    strings = lang.strings(code)
    home = previews.for_page("X", "X", "", True, strings)
    assert home.title == strings["preview.home_title"] and not home.tagline
    page = previews.for_page("X", "Glossary", "", False, strings)
    assert page.title == "Glossary" and page.tagline == strings["preview.tagline"]
    assert previews.missing_glyphs(strings["preview.home_title"] + strings["preview.tagline"]) == set()


def test_the_same_preview_draws_the_same_bytes():
    # A rebuild with an empty cache must not change the site's files (stable build output).
    preview = previews.Preview("Trato claro", "Penalización por retraso", "Guía", "Calculadoras")
    assert previews.render(preview) == previews.render(preview)


def test_a_page_section_is_its_innermost_nav_group_as_mkdocs_names_its_parent():
    nav = [{"Home": "index.md"}, "glossary.md",
           {"Tools": ["brief.md", {"Templates": [{"All templates": "templates/index.md"}, "templates/report.md"]}]}]
    assert previews.nav_sections(nav) == {"index.md": "", "glossary.md": "", "brief.md": "Tools",
                                          "templates/index.md": "Templates", "templates/report.md": "Templates"}


def test_a_page_source_names_its_built_file():
    assert [previews.built_page(source) for source in ("index.md", "rules.md", "templates/index.md",
                                                        "calculators/penalty.md")] == \
        ["index.html", "rules/index.html", "templates/index.html", "calculators/penalty/index.html"]
