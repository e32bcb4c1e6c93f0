"""Point the theme's search at the stemming worker, which loads the theme's own worker inside it."""

from __future__ import annotations

import re

STEMMING_WORKER = "search-stemming.js"
# The theme's worker address in the page's JSON settings, e.g. "../assets/javascripts/workers/search.a7633da7.min.js".
THEME_WORKER = re.compile(r'("search": ")(?P<folder>[^"]*/workers/)(?P<name>search\.[0-9a-f]+\.min\.js)(")')


def use_stemming_worker(html: str) -> str:
    """Make a page's search start the stemming worker, naming the theme's worker for it to load."""
    return THEME_WORKER.sub(lambda m: f'{m.group(1)}{m.group("folder")}{STEMMING_WORKER}?theme={m.group("name")}{m.group(4)}', html, count=1)
