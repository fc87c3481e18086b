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
