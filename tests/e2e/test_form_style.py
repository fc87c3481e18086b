"""One look for every form field and button: calculators, brief and agreement builder.

Their rules once drifted apart (font size, padding, corners, button padding); this reads the
computed styles of each widget's fields and buttons, at rest and focused from the keyboard, and
compares them across the three pages, in both colour schemes.
"""
import pytest

pytestmark = pytest.mark.e2e

# page: {role: selector of the first visible element of that role}
WIDGETS = {
    "calculators/penalty/": {"text": ".calc-field input[inputmode]", "select": ".calc-field select",
                             "primary": ".calc-actions .md-button--primary",
                             "secondary": ".calc-actions .md-button:not(.md-button--primary)"},
    "brief/": {"text": ".brief-field input[type=text]", "textarea": ".brief-field textarea",
               "primary": ".brief-tools .md-button--primary",
               "secondary": ".brief-tools .md-button:not(.md-button--primary):not([hidden])"},
    "agreement/": {"text": ".agr-field input[type=text]", "select": ".agr-field select",
                   "primary": ".agr-button.md-button--primary",
                   "secondary": ".agr-button:not(.md-button--primary):not([hidden])"},
}
LOOK = ["font-family", "font-size", "font-weight", "padding-top", "padding-right", "padding-bottom", "padding-left",
        "border-top-width", "border-top-style", "border-top-color", "border-radius", "background-color", "color"]
FOCUS = ["outline-style", "outline-width", "outline-color", "outline-offset", "box-shadow", "border-top-color"]
FIELD_ROLES = ("text", "select", "textarea")

READ = """(el, props) => {
  const style = getComputedStyle(el);
  return Object.fromEntries([...props.map((p) => [p, style.getPropertyValue(p)]),
                             ["height", el.getBoundingClientRect().height]]);
}"""


def styles(page, selector: str) -> dict:
    element = page.locator(f"article {selector}").first
    element.scroll_into_view_if_needed()
    rest = element.evaluate(READ, LOOK)
    page.keyboard.press("Shift")  # a keyboard user: focus() then shows the focus ring (:focus-visible)
    element.evaluate("el => el.focus()")
    focused = element.evaluate(READ, FOCUS)
    element.evaluate("el => el.blur()")
    return {"rest": rest, "focus": focused}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_fields_and_buttons_look_the_same_in_every_widget(browser, base_url, scheme):
    # Reduced motion: no colour transition half-way when a style is read (site.css, Motion).
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme, reduced_motion="reduce")
    page = context.new_page()
    seen: dict[str, dict[str, dict]] = {}
    try:
        for path, roles in WIDGETS.items():
            page.goto(base_url + path)
            page.locator(f"article {roles['text']}").first.fill("Tienda Sol")  # the brief's buttons wait for a word
            for role, selector in roles.items():
                seen.setdefault(role, {})[path] = styles(page, selector)
    finally:
        context.close()

    for role, by_page in seen.items():
        for path, style in by_page.items():
            assert style["rest"]["height"] >= 44, (role, path, style["rest"]["height"])
            ring = style["focus"]["outline-style"] != "none" or style["focus"]["box-shadow"] != "none"
            assert ring, (role, path, "no visible focus ring")
    # A text field, a select and a textarea share one look (a select's height differs by nature).
    fields = [(role, path, style) for role in FIELD_ROLES for path, style in seen.get(role, {}).items()]
    first_role, first_path, first = fields[0]
    for role, path, style in fields[1:]:
        assert style["rest"] | {"height": 0} == first["rest"] | {"height": 0}, (role, path, first_role, first_path)
        assert style["focus"] | {"height": 0} == first["focus"] | {"height": 0}, (role, path, "focus ring differs")
    for role in ("primary", "secondary"):
        (first_path, first), *others = seen[role].items()
        for path, style in others:
            assert style["rest"] | {"height": 0} == first["rest"] | {"height": 0}, (role, path, first_path)
            assert style["focus"] | {"height": 0} == first["focus"] | {"height": 0}, (role, path, "focus ring differs")
