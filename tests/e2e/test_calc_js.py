"""The JS calculators, in the real browser, against the same JSON vectors as the Python ones."""
import pytest

from macros.calc.specs import SPECS
from tests import calc_vectors

pytestmark = pytest.mark.e2e

RUN_VECTORS = """async (files) => {
  const base = new URL("assets/js/calc/", document.baseURI);
  const engine = await import(new URL("engine.js", base));
  const fields = await import(new URL("fields.js", base));
  const out = [];
  for (const file of files) {
    const compute = await engine.loadCompute(file.name);
    const [y, m, d] = file.today.split("-").map(Number);
    const ctx = { today: fields.dayNumber(y, m, d), holidays: file.holidays };
    for (const c of file.cases) {
      try {
        out.push(engine.run(file.spec, compute, c.input, ctx, "."));
      } catch (error) {
        out.push({ exception: String(error && error.stack || error) });
      }
    }
  }
  return out;
}"""

PARSE_NUMBERS = """async (cases) => {
  const fields = await import(new URL("assets/js/calc/fields.js", document.baseURI));
  return cases.map((c) => {
    try { return { value: fields.parseNumber(c.text, c.decimal) }; }
    catch (error) { return { error: error.code || String(error) }; }
  });
}"""


@pytest.fixture
def site_page(page, base_url):
    page.goto(base_url)
    return page


def test_js_calculators_match_every_vector(site_page):
    files = []
    for name in calc_vectors.CALCULATORS:
        vector = calc_vectors.load(name)
        today, holidays = calc_vectors.context_data(vector)
        files.append({"name": name, "spec": SPECS[name], "today": vector["today"], "holidays": holidays,
                      "cases": vector["cases"]})
    outcomes = site_page.evaluate(RUN_VECTORS, files)
    cases = [(f["name"], case) for f in files for case in f["cases"]]
    assert len(outcomes) == len(cases)
    problems = {
        f"{name}: {case['name']}": outcome.get("exception") or calc_vectors.check(case, outcome)
        for (name, case), outcome in zip(cases, outcomes, strict=True)
        if "exception" in outcome or calc_vectors.check(case, outcome)
    }
    assert problems == {}


def test_js_number_parsing_matches_vectors(site_page):
    cases = calc_vectors.load("fields")["cases"]
    got = site_page.evaluate(PARSE_NUMBERS, cases)
    expected = [{k: c[k] for k in ("value", "error") if k in c} for c in cases]
    assert [(c["text"], g) for c, g in zip(cases, got, strict=True)] == [
        (c["text"], e) for c, e in zip(cases, expected, strict=True)]


FORMAT_NUMBERS = """async ({ marks, numbers }) => {
  const { formatter } = await import(new URL("assets/js/calc/format.js", document.baseURI));
  const out = {};
  for (const [code, config] of Object.entries(marks)) {
    const f = formatter(config, {});
    out[code] = numbers.map((v) => [f.value("number", v), f.value("int", v), f.value("money", v)]);
  }
  return out;
}"""
# Ties (0.125, 2.5), float near-ties (2.675, 999.995), grouping, signs, zeros, large values.
NUMBERS = [0, 1, 7, 0.125, 0.005, 2.5, 2.675, 999.995, 1000, 1234.5, 65000, 1234567.891, -2500, -0.4, -0.001,
           123456789012.345, 1e15]


def test_js_numbers_read_as_the_python_twin_writes_them(site_page):
    from macros import lang
    from macros.calc.fmt import Formatter, locale_marks

    marks = {code: locale_marks(code) for code in lang.LOCALES}
    got = site_page.evaluate(FORMAT_NUMBERS, {"marks": marks, "numbers": NUMBERS})
    for code in lang.LOCALES:
        python = Formatter(code, lang.strings(code))
        expected = [[python.value(kind, v) for kind in ("number", "int", "money")] for v in NUMBERS]
        assert list(zip(NUMBERS, got[code], strict=True)) == list(zip(NUMBERS, expected, strict=True))


FORMAT_DATES = """async ({ marks, dates }) => {
  const { formatter } = await import(new URL("assets/js/calc/format.js", document.baseURI));
  return Object.fromEntries(Object.entries(marks).map(([code, config]) => {
    const f = formatter(config, {});
    return [code, dates.map((iso) => [f.value("date", iso), f.value("datetime", `${iso}T09:05`)])];
  }));
}"""
# A whole week, every month (single-digit days), a leap day, both sides of the epoch.
DATES = ([f"2026-11-{day}" for day in range(23, 30)] + [f"2027-{month:02d}-01" for month in range(1, 13)]
         + ["2028-02-29", "1969-12-31", "1970-01-01", "2100-03-01", "2030-06-30"])


def test_js_dates_read_as_babel_writes_them(site_page):
    from macros import lang
    from macros.calc.fmt import Formatter, locale_marks

    marks = {code: locale_marks(code) for code in lang.LOCALES}
    got = site_page.evaluate(FORMAT_DATES, {"marks": marks, "dates": DATES})
    for code in lang.LOCALES:
        python = Formatter(code, lang.strings(code))
        expected = [[python.value("date", iso), python.value("datetime", f"{iso}T09:05")] for iso in DATES]
        assert got[code] == expected, code
