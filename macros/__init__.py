"""mkdocs-macros entry point: registers macros.

The logic lives in the sibling modules; each is pure and unit-tested.
"""
from macros import agreement, brief, build_day, figures, lang, qr, widgets


def define_env(env):
    """Called by mkdocs-macros once per build (one build per language)."""

    def page_lang() -> str:
        return lang.current(env.conf)

    day = build_day.of(env.conf)  # the content's date, never the clock: the same sources build the same bytes
    embeds = widgets.CalculatorEmbeds(page_lang(), lang.strings(page_lang()), day)

    @env.macro
    def calculator(name: str) -> str:
        """Embed a calculator: {{ calculator("penalty") }}."""
        return embeds.render(name, env.page.url)

    @env.macro
    def calc_figure(name: str, key: str, kind: str = "number", digits: int = 0, **inputs) -> str:
        """A calculator's result in prose, computed and formatted at build time:
        {{ calc_figure("cost-of-sale", "channels.1.cost_per_sale", search_cpl=150, conversion=30) }}."""
        return figures.figure(page_lang(), lang.strings(page_lang()), name, key, kind, digits, **inputs)

    @env.macro
    def qr_card(path: str) -> str:
        """QR code of one page of this language, absolute URL from site_url: {{ qr_card("contract/") }}."""
        url = env.conf["site_url"] + path
        label = lang.text(page_lang(), "qr.label").format(url=url)
        return qr.card(url, widgets.relative_url(env.page.url, path), label)

    @env.macro
    def brief_builder() -> str:
        """The brief builder form, with its printable no-JavaScript template: {{ brief_builder() }}."""
        both = {code: lang.strings(code) for code in lang.LANGUAGES}
        return brief.builder(page_lang(), both, env.page.url)

    @env.macro
    def agreement_builder() -> str:
        """The agreement builder, with its default document for reading and printing: {{ agreement_builder() }}."""
        return agreement.builder(page_lang(), env.page.url, day)
