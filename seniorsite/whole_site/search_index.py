"""Split the one search index the i18n plugin writes into one index per language."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from seniorsite.languages import language_prefix

SEARCH_INDEX = Path("search") / "search_index.json"


def entries_for_language(entries: list[dict], language: str, languages: tuple[str, ...]) -> list[dict]:
    """Keep the entries whose location lies in this language's part of the site, relative to it."""
    prefix = language_prefix(language)
    if prefix:
        return [{**e, "location": e["location"][len(prefix):]} for e in entries if e["location"].startswith(prefix)]
    others = tuple(language_prefix(other) for other in languages if other != language)
    return [e for e in entries if not e["location"].startswith(others)]


def split_search_index(site_dir: Path, languages: tuple[str, ...], synonyms: Mapping[str, Mapping[str, str]]) -> dict[str, int]:
    """Rewrite the merged index as one index per language, with its stemmer and synonyms; return counts."""
    merged = json.loads((site_dir / SEARCH_INDEX).read_text(encoding="utf-8"))
    counts = {}
    for language in languages:
        docs = entries_for_language(merged["docs"], language, languages)
        # The stemming worker (docs/assets/javascripts/workers/search-stemming.js) reads "synonyms".
        index = {"config": {**merged["config"], "lang": [language], "synonyms": dict(synonyms.get(language, {}))}, "docs": docs}
        path = site_dir / language_prefix(language) / SEARCH_INDEX
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        counts[language] = len(docs)
    return counts
