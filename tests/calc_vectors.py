"""The JSON test vectors in tests/vectors/, and how an answer is compared with them.
Both the Python and the JS calculators are held to these."""
import datetime
import json
import math
from functools import cache
from pathlib import Path

from macros.calc import holiday_presets

VECTORS = Path(__file__).parent / "vectors"
CALCULATORS = ("turnaround", "response-time", "client-delay", "penalty", "revenue-share", "cost-of-sale")


def load(name: str) -> dict:
    return json.loads((VECTORS / f"{name}.json").read_text(encoding="utf-8"))


def cases() -> list[tuple[str, dict, dict]]:
    """(calculator, vector file, case) for every case, for pytest.parametrize."""
    return [(name, load(name), case) for name in CALCULATORS for case in load(name)["cases"]]


def case_id(item) -> str:
    return f"{item[0]}: {item[2]['name']}" + (f" [{item[3]}]" if len(item) > 3 else "")


def sentence_cases() -> list[tuple[str, dict, dict, str]]:
    """(calculator, vector file, case, language) for every case that says what its sentence reads."""
    return [(name, vector, case, code) for name, vector, case in cases() for code in case.get("sentence", {})]


def written_cases(key: str) -> list[tuple[str, dict, dict, str]]:
    """(calculator, vector file, case, language) for every case that says what its `key` reads
    ("summary": the summary line, "given": the inputs listed above a shared link's result)."""
    return [(name, vector, case, code) for name, vector, case in cases() for code in case.get(key, {})]


@cache
def presets(language: str, year: int) -> dict:
    return holiday_presets.presets(holiday_presets.years_around(year), language)


def context_data(vector: dict) -> tuple[datetime.date, dict]:
    today = datetime.date.fromisoformat(vector["today"])
    return today, presets(vector.get("holiday_language", "es"), today.year)


def mismatches(expected, actual, path="result") -> list[str]:
    """Where `actual` differs from `expected`: dict keys in `expected` only (a subset
    check), lists element by element, numbers to 1e-9, booleans and None exactly."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path}: expected an object, got {actual!r}"]
        found = []
        for key, value in expected.items():
            found += mismatches(value, actual[key], f"{path}.{key}") if key in actual else [f"{path}.{key}: missing"]
        return found
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return [f"{path}: expected {expected!r}, got {actual!r}"]
        pairs = enumerate(zip(expected, actual, strict=True))
        return [m for i, (e, a) in pairs for m in mismatches(e, a, f"{path}[{i}]")]
    if isinstance(expected, bool) or expected is None or isinstance(expected, str):
        return [] if actual is expected or (isinstance(expected, str) and actual == expected) else [
            f"{path}: expected {expected!r}, got {actual!r}"]
    if isinstance(actual, bool) or not isinstance(actual, int | float) or not math.isfinite(actual):
        return [f"{path}: expected {expected!r}, got {actual!r}"]
    ok = math.isclose(expected, actual, rel_tol=1e-9, abs_tol=1e-9)
    return [] if ok else [f"{path}: expected {expected!r}, got {actual!r}"]


def check(case: dict, outcome: dict) -> list[str]:
    """Problems with one calculator answer ({'result': …} or {'errors': …}) for one case."""
    if "errors" in case:
        got = {field: error["code"] for field, error in outcome.get("errors", {}).items()}
        return [] if got == case["errors"] else [f"errors: expected {case['errors']}, got {got or outcome}"]
    if "errors" in outcome:
        return [f"unexpected errors {outcome['errors']}"]
    return mismatches(case["expect"], outcome["result"])
