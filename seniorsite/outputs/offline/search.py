"""Give each language's search index to a file:// page: as a script, with results that point at files."""

from __future__ import annotations

import json
from pathlib import Path

SEARCH_FOLDER = "search"
INDEX_JSON = "search_index.json"
# Under file:// the theme loads this script (it cannot fetch the JSON) and reads the global __index.
INDEX_SCRIPT = "search_index.js"


def offline_location(location: str) -> str:
    """Return a search result's location with its folder as a file: 'faq/#x' becomes 'faq/index.html#x'."""
    path, hash_mark, anchor = location.partition("#")
    if path == "" or path.endswith("/"):
        path += "index.html"
    return path + hash_mark + anchor


def write_offline_index(search_dir: Path) -> int:
    """Rewrite one language's index for file:// and write it as the script the theme loads; return entries."""
    index = json.loads((search_dir / INDEX_JSON).read_text(encoding="utf-8"))
    index["docs"] = [{**entry, "location": offline_location(entry["location"])} for entry in index["docs"]]
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    (search_dir / INDEX_JSON).write_text(text, encoding="utf-8")
    (search_dir / INDEX_SCRIPT).write_text(f"var __index = {text};\n", encoding="utf-8")
    return len(index["docs"])
