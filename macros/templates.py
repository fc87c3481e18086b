"""Copy and print buttons for the printable templates (docs/*/templates/).

Authors wrap a template in a Markdown-enabled div with a name:

    <div class="tpl" data-tpl="work-plan-example" markdown>
    ...the template, ordinary Markdown...
    </div>

`render()` puts a toolbar (copy, print) before each one; a template marked
`data-tpl-ticked` (a checklist of clauses) also gets a "copy ticked" toolbar
after it, where the reader ends up once the ticking is done. The toolbars are
hidden until assets/js/template.js shows them: without JavaScript the page is a
plain printable document.
"""
from bs4 import BeautifulSoup


class TemplateError(ValueError):
    """A template the build must not publish (no name, or a name used twice)."""


def render(html: str, strings: dict[str, str]) -> str:
    """Add the toolbars around every `div.tpl` of a page; other HTML is left alone."""
    if 'class="tpl' not in html:
        return html
    soup = BeautifulSoup(html, "html.parser")
    seen: set[str] = set()
    for tpl in soup.select("div.tpl"):
        name = tpl.get("data-tpl", "").strip()
        if not name:
            raise TemplateError('a template needs a name: <div class="tpl" data-tpl="my-template" markdown>')
        if name in seen:
            raise TemplateError(f"duplicate template name {name!r}")
        seen.add(name)
        _label_cells(tpl)
        tpl.insert_before(_toolbar(soup, name, strings, ("copy", "print")))
        if tpl.has_attr("data-tpl-ticked"):
            tpl.insert_after(_toolbar(soup, name, strings, ("copy-ticked",)))
    return str(soup)


def _label_cells(tpl) -> None:
    """Give each table cell its column's header as `data-label`: on a narrow screen
    the CSS shows every row as a card ("Owner: Client") instead of a sideways scroll."""
    for table in tpl.find_all("table"):
        headers = [th.get_text(" ", strip=True) for th in table.select("thead th")]
        for row in table.select("tbody tr"):
            for header, cell in zip(headers, row.find_all("td"), strict=False):
                cell["data-label"] = header


def _toolbar(soup, name: str, strings: dict[str, str], actions: tuple[str, ...]):
    tools = soup.new_tag("div", attrs={
        "class": "tpl-tools", "data-tpl-for": name, "hidden": "",
        # Messages for the script, in the page's language.
        "data-copied": strings["tpl.copied"], "data-copied-ticked": strings["tpl.copied_ticked"],
        "data-failed": strings["tpl.copy_failed"], "data-none": strings["tpl.none_ticked"],
        "data-ticked-title": strings["tpl.ticked_title"],
    })
    for action in actions:
        primary = " md-button--primary" if action != "print" else ""
        button = soup.new_tag("button", attrs={
            "type": "button", "class": f"md-button{primary} tpl-button", "data-action": action})
        button.string = strings[f"tpl.{action}"]
        tools.append(button)
    status = soup.new_tag("p", attrs={"class": "tpl-status", "role": "status", "aria-live": "polite"})
    tools.append(status)
    return tools
