"""The JS calculators, in the real browser, against the same JSON vectors as the Python ones."""
import pytest

from macros.calc.specs import SPECS
from tests import calc_vectors

pytestmark = pytest.mark.e2e

# Each case's outcome, or, for a file in one language ("code"), what it writes: its sentence, summary line
# or given inputs (file.key).
RUN_VECTORS = """async ({ files, marks = {}, strings = {} }) => {
  const base = new URL("assets/js/calc/", document.baseURI);
  const engine = await import(new URL("engine.js", base));
  const fields = await import(new URL("fields.js", base));
  const { formatter } = await import(new URL("format.js", base));
  const { writeSentence } = await import(new URL("sentences.js", base));
  const { givenRows, summaryText } = await import(new URL("render.js", base));
  const out = [];
  for (const file of files) {
    const compute = await engine.loadCompute(file.name);
    const [y, m, d] = file.today.split("-").map(Number);
    const ctx = { today: fields.dayNumber(y, m, d), holidays: file.holidays };
    for (const c of file.cases) {
      try {
        const outcome = engine.run(file.spec, compute, c.input, ctx, c.decimal || ".");
        if (!file.code) out.push(outcome);
        else {
          const f = formatter(marks[file.code], strings[file.code], outcome.values.cur || "");
          const sentence = writeSentence(file.name, outcome.result, outcome.values, f, ctx.holidays);
          out.push(file.key === "sentence" ? sentence : file.key === "summary"
            ? summaryText(file.name, file.spec, outcome.result, outcome.values, f, ctx.holidays)
            : givenRows(file.name, file.spec, outcome.values, f, marks[file.code].weekdays)
              .map((row) => [row.firstChild.textContent, row.lastChild.textContent]));
        }
      } catch (error) {
        const exception = String(error && error.stack || error);
        out.push(file.code ? exception : { exception });
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
    outcomes = site_page.evaluate(RUN_VECTORS, {"files": files})
    cases = [(f["name"], case) for f in files for case in f["cases"]]
    assert len(outcomes) == len(cases)
    problems = {
        f"{name}: {case['name']}": outcome.get("exception") or calc_vectors.check(case, outcome)
        for (name, case), outcome in zip(cases, outcomes, strict=True)
        if "exception" in outcome or calc_vectors.check(case, outcome)
    }
    assert problems == {}


@pytest.mark.parametrize("key", ["sentence", "summary", "given"])
def test_js_sentences_summary_lines_and_given_inputs_match_every_vector_in_both_languages(site_page, key):
    from macros import lang
    from macros.calc.fmt import locale_marks

    files = []
    for name in calc_vectors.CALCULATORS:
        vector = calc_vectors.load(name)
        today = calc_vectors.context_data(vector)[0]
        for code in lang.LANGUAGES:
            cases = [case for case in vector["cases"] if code in case.get(key, {})]
            files.append({"name": name, "code": code, "spec": SPECS[name], "today": vector["today"],
                          "holidays": calc_vectors.presets(code, today.year), "cases": cases,
                          "key": key})
    marks = {code: locale_marks(code) for code in lang.LANGUAGES}
    strings = {code: lang.strings(code) for code in lang.LANGUAGES}
    got = site_page.evaluate(RUN_VECTORS, {"files": files, "marks": marks, "strings": strings})
    expected = [case[key][f["code"]] for f in files for case in f["cases"]]
    assert len(expected) > (50 if key == "sentence" else 8)  # two languages
    names = [f"{f['name']} [{f['code']}]: {case['name']}" for f in files for case in f["cases"]]
    assert list(zip(names, got, strict=True)) == list(zip(names, expected, strict=True))


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
           123456789012.345, 1e15, 1e21, 1.5e22, -3.4e25, 1e-7, 5e-324]  # no exponent notation, ever


def test_js_numbers_read_as_the_python_twin_writes_them(site_page):
    from macros import lang
    from macros.calc.fmt import Formatter, locale_marks

    marks = {code: locale_marks(code) for code in lang.LOCALES}
    got = site_page.evaluate(FORMAT_NUMBERS, {"marks": marks, "numbers": NUMBERS})
    for code in lang.LOCALES:
        python = Formatter(code, lang.strings(code))
        expected = [[python.value(kind, v) for kind in ("number", "int", "money")] for v in NUMBERS]
        assert list(zip(NUMBERS, got[code], strict=True)) == list(zip(NUMBERS, expected, strict=True))
        assert not any("e" in text.lower() for row in got[code] for text in row), got[code]


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


# Values of one kind ("times", "percent") as each language's formatter writes them.
FORMAT_VALUES = """async ({ marks, strings, kind, values }) => {
  const { formatter } = await import(new URL("assets/js/calc/format.js", document.baseURI));
  return Object.fromEntries(Object.keys(marks).map((code) => {
    const f = formatter(marks[code], strings[code]);
    return [code, values.map((v) => f.value(kind, v))];
  }));
}"""
RATIOS = [0, 1e-7, 0.00499, 0.005, 0.96, 1, 1.004, 2.5, 33.333333333333336]


def test_js_ratios_read_as_the_python_twin_writes_them_never_0_times(site_page):
    from macros import lang
    from macros.calc.fmt import Formatter, locale_marks

    marks = {code: locale_marks(code) for code in lang.LOCALES}
    strings = {code: lang.strings(code) for code in lang.LOCALES}
    got = site_page.evaluate(FORMAT_VALUES, {"marks": marks, "strings": strings, "kind": "times", "values": RATIOS})
    for code in lang.LOCALES:
        python = Formatter(code, strings[code])
        assert got[code] == [python.value("times", v) for v in RATIOS], code
        assert not any(text.startswith("0 ") for text in got[code]), got[code]


def test_js_percentages_read_as_the_vectors_say_never_0_for_a_value_that_is_not_0(site_page):
    from macros import lang
    from macros.calc.fmt import locale_marks

    cases = calc_vectors.load("percent")["cases"]
    marks = {code: locale_marks(code) for code in lang.LOCALES}
    strings = {code: lang.strings(code) for code in lang.LOCALES}
    values = [c["value"] for c in cases]
    got = site_page.evaluate(FORMAT_VALUES, {"marks": marks, "strings": strings, "kind": "percent", "values": values})
    for code in lang.LOCALES:
        assert list(zip(values, got[code], strict=True)) == [(c["value"], c[code]) for c in cases]
