"""Every UI string key is used by the site: written out in the code, templates or pages, or
built by the code from names the code itself spells (f"calc.{name}.field.{field}" with "penalty"
and "amount" in macros/calc/specs.py), or a plural form of a used key in a category the
language has. A key no code can reach is dead text for translators to keep up: it fails here."""
import ast
import itertools
import re
from functools import cache

import pytest
import yaml
from babel import Locale

from macros import lang
from tests.conftest import ROOT

STRING_FILES = sorted(p.name for p in lang.STRINGS_DIR.glob("*.yml"))
SOURCES = [*ROOT.glob("macros/**/*.py"), *ROOT.glob("tools/*.py"), *ROOT.glob("docs/**/*.md"),
           *ROOT.glob("overrides/**/*.html"), *ROOT.glob("overrides/assets/js/**/*.js")]
HOLE = "\0"  # where the code puts a value into a key
JS_STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"|\'((?:[^\'\\\n]|\\.)*)\'|`((?:[^`\\]|\\.)*)`')
JS_HOLE = re.compile(r"\$\{[^}]*\}")  # `calc.${name}.out`
JS_JOINED = re.compile(r'["\'`]\s*\+\s*[\w.]+(?:\[[^\]]*\])?\s*\+\s*["\'`]')  # "calc." + name + ".out."
JS_TAIL = re.compile(r'(["\'`])\s*\+\s*[\w.]+(?:\[[^\]]*\])?\s*[\])]')  # … + ".warn." + w]


def python_strings(tree) -> set[str]:
    """Every str constant, f-string and "a" + x + "b" chain, with HOLE where a value goes (both
    ways where a part is `x if c else y`)."""
    def texts(node) -> set[str]:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return {node.value}
        if isinstance(node, ast.JoinedStr):
            return {"".join(parts) for parts in itertools.product(*(texts(v) or {HOLE} for v in node.values))}
        if isinstance(node, ast.IfExp):  # f".{x}" if variant else ""
            return texts(node.body) | texts(node.orelse) if texts(node.body) or texts(node.orelse) else set()
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left, right = texts(node.left), texts(node.right)
            if left or right:
                return {a + b for a in left or {HOLE} for b in right or {HOLE}}
        return set()

    # Whole strings only: "calc." on its own is a piece of "calc." + name + ".warn.", not a key prefix.
    inner = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            inner.update(map(id, node.values))
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and texts(node):
            inner.update((id(node.left), id(node.right)))
    return {s for node in ast.walk(tree) if id(node) not in inner for s in texts(node)}


def js_strings(source: str) -> set[str]:
    source = JS_TAIL.sub(lambda m: HOLE + m.group(1) + "]", JS_JOINED.sub(HOLE, source))
    return {JS_HOLE.sub(HOLE, next(g for g in m.groups() if g is not None)) for m in JS_STRING.finditer(source)}


def source_strings() -> set[str]:
    found = set()
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        found |= python_strings(ast.parse(text)) if path.suffix == ".py" else js_strings(text)
    return found


def shape(text: str) -> tuple[str, ...]:
    """"calc.\\0.field.\\0" → ("calc.", HOLE, ".field.", HOLE); neighbouring holes are one."""
    return tuple(HOLE if part.startswith(HOLE) else part for part in re.split(f"({HOLE}+)", text) if part)


def fits(text: str, tokens: tuple[str, ...], known) -> bool:
    """text is tokens with every hole filled by a value known(value) accepts."""
    if not tokens:
        return not text
    head, rest = tokens[0], tokens[1:]
    if head != HOLE:
        return text.startswith(head) and fits(text[len(head):], rest, known)
    if not rest:
        return known(text)
    end = text.find(rest[0], 1)  # a hole ends where the next literal starts
    while end != -1:
        if known(text[:end]) and fits(text[end:], rest, known):
            return True
        end = text.find(rest[0], end + 1)
    return False


class Code:
    """What the sources spell: plain strings (and their path parts: "before-hiring/#x"), the
    shapes of the keys they build (a string with holes, or a prefix they filter by:
    "calc.error."), and the shapes of the values they build to go into a key (f"own_{name}")."""

    def __init__(self, strings: set[str]):
        plain = {s for s in strings if HOLE not in s}
        self.words = plain | {part for s in plain for part in re.split(r"[/#]", s) if part}
        built = {s for s in strings if HOLE in s} | {s + HOLE for s in plain if "." in s and s.endswith(".")}
        # A key is built from a literal start ("calc.", not f"{a}.{b}": the plural forms are apart).
        self.keys = [shape(s) for s in built if re.fullmatch(rf"[a-z][\w-]*\.[\w.{HOLE}-]*", s)]
        self.values = [shape(s) for s in built if len(s.replace(HOLE, "")) >= 2 and re.fullmatch(rf"[\w.{HOLE}-]+", s)]
        self.spells = cache(self._spells)

    def _spells(self, value: str) -> bool:
        return value in self.words or any(fits(value, tokens, self.words.__contains__) for tokens in self.values)

    def builds(self, key: str) -> bool:
        return key in self.words or any(fits(key, tokens, self.spells) for tokens in self.keys)


def plural_categories(code: str) -> set[str]:
    return set(Locale.parse(lang.LOCALES[code]).plural_form.tags) | {"other"}


def unused_keys(keys, code: Code, plurals: set[str]) -> list[str]:
    def used(key: str) -> bool:
        stem, _, form = key.rpartition(".")
        return code.builds(key) or (form in plurals and bool(stem) and used(stem))
    return [key for key in keys if not used(key)]


@pytest.fixture(scope="module")
def code():
    return Code(source_strings())


@pytest.mark.parametrize("name", STRING_FILES)
def test_every_string_key_is_used(code, name):
    language = name.removesuffix(".yml").rpartition(".")[2]
    keys = yaml.safe_load((lang.STRINGS_DIR / name).read_text(encoding="utf-8"))
    assert unused_keys(keys, code, plural_categories(language)) == []


def test_the_check_tells_a_built_key_from_a_dead_one():
    strings = python_strings(ast.parse('FIELDS = ("amount",)\nt[f"calc.{name}.field.{f}"]\nNAME = "penalty"\n'
                                       'plural(s, "calc.unit.days", n)\nt["calc.key." + s]\nKEYS = ("fixed",)'))
    keys = ["calc.penalty.field.amount", "calc.penalty.field.gone", "calc.unit.days.one", "calc.unit.days.few",
            "calc.key.fixed", "calc.key.other_thing", "calc.penalty.lead"]
    assert unused_keys(keys, Code(strings), {"one", "other"}) == [
        "calc.penalty.field.gone", "calc.unit.days.few", "calc.key.other_thing", "calc.penalty.lead"]
    js = js_strings('t[`calc.${name}.out.${o.key}`]; t["calc." + name + ".warn." + w]; x = "due"; y = "penalty";')
    assert unused_keys(["calc.penalty.out.due", "calc.penalty.warn.due", "calc.penalty.out.late"], Code(js),
                       {"other"}) == ["calc.penalty.out.late"]
