"""The theme's templates stay renderable by MiniJinja (Zensical): no Python method calls in a
Jinja tag (`base_url.endswith(…)`, `tags.split(…)`, `d.update(…)`, `x.items()`, `c.get(…)`), which
Jinja2 allows and MiniJinja refuses. Filters and tests do the same work (`replace`, `default`,
`is defined`). Macros of an imported template (`lang.t(…)`, Material's language partial) are
template calls, not Python methods: MiniJinja has them."""
import re

from tests.conftest import ROOT

TAG = re.compile(r"\{\{(.*?)\}\}|\{%(.*?)%\}", re.S)  # expressions and statements; {# comments #} are skipped
STRING = re.compile(r"'[^']*'|\"[^\"]*\"")
METHOD_CALL = re.compile(r"\b([A-Za-z_][\w.]*)\.([A-Za-z_]\w*)\s*\(")
IMPORT = re.compile(r"\{%-?\s*(?:import\s+\S+\s+as|from\s+\S+\s+import)\s+(\w+)")
# Imported by Material's base.html for every template: `{% import "partials/language.html" as lang %}`.
THEME_IMPORTS = {"lang"}


def method_calls(template: str) -> list[str]:
    """`name.method(` inside Jinja tags, string literals and comments left out."""
    template = re.sub(r"\{#.*?#\}", "", template, flags=re.S)
    imported = THEME_IMPORTS | set(IMPORT.findall(template))
    calls = []
    for match in TAG.finditer(template):
        code = STRING.sub("''", match.group(1) or match.group(2))
        calls += [f"{obj}.{name}(" for obj, name in METHOD_CALL.findall(code) if obj.split(".")[0] not in imported]
    return calls


def test_the_checker_finds_method_calls_and_spares_filters_macros_and_strings():
    assert method_calls("{% set root = base_url if base_url.endswith('/') else base_url ~ '/' %}") == [
        "base_url.endswith("]
    assert method_calls("{% for t in page.meta.tags.split(',') %}{{ d.items() }}{% endfor %}") == [
        "page.meta.tags.split(", "d.items("]
    assert method_calls("{% if alt_roots.update({'a': 1}) %}{% endif %}{{ config.extra.get('x') }}") == [
        "alt_roots.update(", "config.extra.get("]
    assert method_calls("{{ super() | replace('a.b(', 'c') }}{{ lang.t('select.language') }}"
                        "{# x.split(',') #}<script>list.append(1)</script>") == []


def test_no_template_in_overrides_calls_a_python_method():
    templates = sorted((ROOT / "overrides").rglob("*.html"))
    assert templates, "no templates found"
    found = {str(path.relative_to(ROOT)): calls for path in templates
             if (calls := method_calls(path.read_text(encoding="utf-8")))}
    assert found == {}
