"""Search tuning (macros/search.yml) written into a built language's search index.

The search worker (overrides/assets/javascripts/workers/search-stemmed.js) reads the
synonyms from the index's config; Material's worker indexes each entry's `tags`. Run after
each language's build, before the service worker's precache list hashes the index.
"""
import json
from functools import cache
from pathlib import Path

import yaml

TUNING = Path(__file__).with_name("search.yml")
INDEX = Path("search") / "search_index.json"


@cache
def tuning(code: str) -> dict:
    data = yaml.safe_load(TUNING.read_text(encoding="utf-8"))[code]
    groups = data["synonyms"]
    if not all(isinstance(group, list) and len(group) >= 2 for group in groups):
        raise ValueError(f"{TUNING.name}: {code}: each synonym group lists two words or more")
    if any(" " in word for group in groups for word in group):
        raise ValueError(f"{TUNING.name}: {code}: synonyms are single words (the worker stems words)")
    return data


def tune(index: dict, code: str) -> dict:
    """The index with the language's synonyms in its config and each tool page tagged with its kind."""
    settings = tuning(code)
    docs = [_tag_tool(doc, settings["tools"]) for doc in index["docs"]]
    return {**index, "config": {**index["config"], "synonyms": settings["synonyms"]}, "docs": docs}


def _tag_tool(doc: dict, tools: dict) -> dict:
    location = doc["location"]
    kind = tools["pages"].get(location) or next(
        (kind for section, kind in tools["under"].items() if location.startswith(section) and location != section),
        None,
    )
    if kind is None or "#" in location:
        return doc
    return {**doc, "tags": [*doc.get("tags", []), kind]}


def tune_index_file(site_dir: Path, code: str) -> None:
    path = site_dir / INDEX
    index = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(tune(index, code), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
