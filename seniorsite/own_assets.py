"""Write the site's own stylesheets and scripts into the built site without comments and indentation."""

from __future__ import annotations

import re
from pathlib import Path

import tinycss2

# The site's own files as MkDocs copies them from docs/; the theme's (*.min.*), workers and vendored code stay as they are.
OWN_STYLESHEETS = "assets/stylesheets/*.css"
OWN_SCRIPTS = "assets/javascripts/*.js"
THEME_FILE = ".min."
LINE_COMMENT = re.compile(r"^[ \t]*//.*\n", re.M)
INDENTATION = re.compile(r"^[ \t]+", re.M)


def minified_css(css: str) -> str:
    """Return a stylesheet without its comments and the blank space between rules."""
    return tinycss2.serialize(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))


def minified_js(script: str) -> str:
    """Return a script without its whole-line comments and indentation (a script with a template literal, as it is)."""
    # Hand-written: no JavaScript minifier is among the pinned packages, and the site's scripts keep to
    # plain lines (no template literals, no string over two lines), where these two cuts are safe.
    if "`" in script:
        return script
    return INDENTATION.sub("", LINE_COMMENT.sub("", script))


def minify_own_assets(site: Path) -> dict[str, tuple[int, int]]:
    """Rewrite the site's own stylesheets and scripts in a built site, minified; return bytes before and after."""
    sizes: dict[str, tuple[int, int]] = {}
    for pattern, minified in ((OWN_STYLESHEETS, minified_css), (OWN_SCRIPTS, minified_js)):
        for path in sorted(site.glob(pattern)):
            if THEME_FILE in path.name:
                continue
            text = path.read_text(encoding="utf-8")
            smaller = minified(text)
            path.write_text(smaller, encoding="utf-8")
            sizes[path.name] = (len(text.encode("utf-8")), len(smaller.encode("utf-8")))
    return sizes
