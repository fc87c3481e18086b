"""Search forgives the way people type on phones: no accents, synonyms, stop words, tool
names; and a found word is never reported "Missing". The site's own search worker
(search-stemmed.js wrapping Material's) is driven directly with each language's index."""
import json
import re
import unicodedata

import pytest

from tests.conftest import LANG_PREFIX

pytestmark = pytest.mark.e2e

# query → pages of which one must be among the first three (or, with "first", come first).
# Page paths as in the index ("calculators/penalty/"); a result's section counts for its page.
QUERIES = {
    "es": {
        "penalización": ["calculators/penalty/", "contract/"],
        "penalizacion": ["calculators/penalty/", "contract/"],
        "multa": ["calculators/penalty/", "contract/"],
        "multa por retraso": ["calculators/penalty/"],
        "calculadora de penalización": {"first": "calculators/penalty/"},
        "calculadora de plazos": {"first": "calculators/turnaround/"},
        "plazo de cambios": {"first": "calculators/turnaround/"},
        "tiempo de respuesta": {"first": "calculators/response-time/"},
        "horario de respuesta": ["rules/", "calculators/response-time/"],
        "retraso del cliente": {"first": "calculators/client-delay/"},
        "coste de una venta": {"first": "calculators/cost-of-sale/"},
        "costo por lead": ["calculators/cost-of-sale/", "glossary/"],
        "pago por porcentaje": ["calculators/revenue-share/", "revenue-share/"],
        "comision por ventas": ["revenue-share/", "calculators/revenue-share/"],
        "minimo mas bonus": ["revenue-share/", "glossary/"],
        "plantilla de informe": {"first": "templates/report/"},
        "plantilla plan de trabajo": {"first": "templates/work-plan/"},
        "generador de brief": {"first": "brief/"},
        "brief": {"first": "brief/"},
        "encargo": ["brief/"],
        "primera solicitud": ["templates/first-request/", "sample-requests/"],
        "contrato": ["contract/", "templates/contract-checklist/"],
        "clausulas del contrato": ["templates/contract-checklist/", "contract/"],
        "garantias": ["guarantees/"],
        "garantia de ventas": ["guarantees/"],
        "prometer resultados": ["guarantees/"],
        "reglas de interaccion": ["rules/", "templates/rules-of-interaction/"],
        "proyecto urgente": {"first": "urgent-projects/"},
        "prisa": ["urgent-projects/"],
        "conflicto": {"first": "conflicts/"},
        "discusion con el cliente": ["conflicts/"],
        "dias habiles": ["calculators/", "glossary/"],
        "festivos": ["calculators/", "calculators/turnaround/"],
        "pixel": ["glossary/"],
        "cuenta publicitaria": ["glossary/"],
        "autonomo": ["glossary/"],
        "codigos qr": ["slides/"],
        "sin conexion": ["about/", "slides/"],
        "expectativas": {"first": "expectations/"},
        "antes de contratar": ["before-hiring/"],
    },
    "en": {
        "penalty": ["calculators/penalty/", "contract/"],
        "fine": ["calculators/penalty/", "contract/"],
        "fine for delay": ["calculators/penalty/"],
        "liquidated damages": ["calculators/penalty/", "contract/"],
        "penalty calculator": {"first": "calculators/penalty/"},
        "deadline calculator": {"first": "calculators/turnaround/"},
        "edit turnaround": {"first": "calculators/turnaround/"},
        "response time": {"first": "calculators/response-time/"},
        "how fast reply": ["calculators/response-time/", "rules/"],
        "client delay": {"first": "calculators/client-delay/"},
        "cost of a sale": {"first": "calculators/cost-of-sale/"},
        "cost per lead": ["calculators/cost-of-sale/", "glossary/"],
        "revenue share": ["calculators/revenue-share/", "revenue-share/"],
        "commission on sales": ["revenue-share/", "calculators/revenue-share/"],
        "minimum plus bonus": ["revenue-share/", "glossary/"],
        "report template": {"first": "templates/report/"},
        "work plan": {"first": "templates/work-plan/"},
        "brief builder": {"first": "brief/"},
        "brief": {"first": "brief/"},
        "first request": ["templates/first-request/", "sample-requests/"],
        "sample requests": ["sample-requests/"],
        "contract": ["contract/", "templates/contract-checklist/"],
        "contract checklist": {"first": "templates/contract-checklist/"},
        "guarantee": ["guarantees/"],
        "guarantee sales": ["guarantees/"],
        "promise results": ["guarantees/"],
        "rules of interaction": ["rules/", "templates/rules-of-interaction/"],
        "urgent project": {"first": "urgent-projects/"},
        "rush job": ["urgent-projects/"],
        "conflict": {"first": "conflicts/"},
        "dispute": ["conflicts/"],
        "business days": ["calculators/", "glossary/"],
        "public holidays": ["calculators/", "calculators/turnaround/"],
        "pixel": ["glossary/"],
        "ad account": ["glossary/"],
        "sole trader": ["glossary/"],
        "qr codes": ["slides/"],
        "offline": ["about/", "slides/"],
        "expectations": {"first": "expectations/"},
        "before hiring": {"first": "before-hiring/"},
    },
}

SEARCH = """async ([url, index, queries]) => {
  const worker = new Worker(url);
  const ask = (message) => new Promise((resolve, reject) => {
    worker.onmessage = (event) => resolve(event.data);
    worker.onerror = (event) => reject(new Error(event.message));
    worker.postMessage(message);
  });
  await ask({type: 0, data: {...index, options: {suggest: false}}});  // Material's SETUP
  const found = {};
  for (const query of queries) {
    const reply = await ask({type: 2, data: query});                   // Material's QUERY
    found[query] = reply.data.items.map((page) => page.map(({location, terms}) => ({location, terms})));
  }
  worker.terminate();
  return found;
}"""


def worker_url(site_dir, code) -> str:
    html = (site_dir / LANG_PREFIX[code] / "index.html").read_text(encoding="utf-8")
    config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S).group(1)
    return json.loads(config)["search"]


@pytest.fixture(scope="module")
def results(browser, base_url, site_dir):
    page = browser.new_page()
    found = {}
    for code, queries in QUERIES.items():
        page.goto(base_url + LANG_PREFIX[code])
        index = json.loads((site_dir / LANG_PREFIX[code] / "search/search_index.json").read_text(encoding="utf-8"))
        found[code] = page.evaluate(SEARCH, [base_url + LANG_PREFIX[code] + worker_url(site_dir, code), index,
                                             list(queries)])
    page.close()
    return found


def top_pages(groups, count=3) -> list[str]:
    return [group[0]["location"].split("#")[0] for group in groups[:count]]


@pytest.mark.parametrize("code", ["es", "en"])
def test_every_query_of_the_set_finds_its_page(results, code):
    assert len(QUERIES[code]) >= 30
    wrong = {}
    for query, expected in QUERIES[code].items():
        pages = top_pages(results[code][query])
        if isinstance(expected, dict):
            if pages[:1] != [expected["first"]]:
                wrong[query] = (f"first: {expected['first']}", pages)
        elif not set(expected) & set(pages):
            wrong[query] = (f"top 3: {expected}", pages)
    print(f"search query set ({code}): {len(QUERIES[code]) - len(wrong)} of {len(QUERIES[code])} found")
    assert wrong == {}


@pytest.mark.parametrize("code", ["es", "en"])
def test_a_one_word_query_is_never_missing_from_its_results(results, code):
    """Every result of a one-word query matched that word (or a synonym): Material's
    "Missing: <word>" on them came from comparing the typed word with stems."""
    flagged = {
        query: sorted({result["location"] for page in groups for result in page
                       if any(found is False for found in result["terms"].values())})
        for query, groups in results[code].items() if " " not in query
    }
    assert {query: where for query, where in flagged.items() if where} == {}


def test_accents_are_optional_and_synonyms_widen(results):
    es = results["es"]
    assert top_pages(es["penalizacion"]) == top_pages(es["penalización"])
    assert top_pages(es["multa"])[0] == "calculators/penalty/"  # the page says "penalización"
    assert top_pages(results["en"]["fine"])[0] == "calculators/penalty/"


def test_stop_words_do_not_match_as_prefixes(results):
    """"de*" once matched every word starting with "de" (desaparece, dejar, después)."""
    assert top_pages(results["es"]["antes de contratar"], 3).count("urgent-projects/") == 0


def folded_words(text: str, separator: str) -> set[str]:
    """The words of an entry as lunr cuts them (the index's separator, then its trimmer), folded:
    "…/en/glossary/#lead" is one word, not "lead"."""
    text = unicodedata.normalize("NFD", re.sub(r"<[^>]+>", " ", text).lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return {re.sub(r"^\W+|\W+$", "", word) for word in re.split(separator, text)}


@pytest.mark.parametrize("code", ["es", "en"])
def test_a_result_that_says_a_word_is_never_missing_it(results, site_dir, code):
    """Queries of several words: "Falta: mas" showed on pages that say "más" (a stop word, so
    left out of the index, typed without its accent)."""
    index = json.loads((site_dir / LANG_PREFIX[code] / "search/search_index.json").read_text(encoding="utf-8"))
    separator = index["config"]["separator"]
    words = {doc["location"]: folded_words(doc["title"] + " " + doc["text"], separator) for doc in index["docs"]}
    wrong = sorted(
        (query, result["location"], typed)
        for query, groups in results[code].items() if " " in query
        for page in groups for result in page
        for typed, found in result["terms"].items() if found is False and typed in words[result["location"]]
    )
    assert wrong == []
