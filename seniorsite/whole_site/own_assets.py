"""Write the site's own stylesheets, scripts and SVG images into the built site without comments and indentation."""

from __future__ import annotations

import re
from pathlib import Path

import tinycss2
from calmjs.parse import es5
from calmjs.parse.exceptions import ECMASyntaxError
from calmjs.parse.unparsers.es5 import minify_print
from tinycss2.ast import AtRule, Declaration, Node, QualifiedRule, WhitespaceToken

# The site's own files as MkDocs copies them from docs/; the theme's (*.min.*), workers and vendored code stay as they are.
OWN_STYLESHEETS = "assets/stylesheets/*.css"
OWN_SCRIPTS = "assets/javascripts/*.js"
OWN_IMAGES = "assets/images/*.svg"
THEME_FILE = ".min."
NESTING_AT_RULES = ("media", "supports", "keyframes", "layer", "container")  # blocks of rules, not of declarations
INDENTATION = re.compile(r"^[ \t]+", re.M)
XML_COMMENT = re.compile(r"\s*<!--.*?-->", re.S)


def _squashed(tokens: list[Node]) -> str:
    """Write tokens with each run of blank space (never one inside a string) as one space."""
    for token in tokens:
        if isinstance(token, WhitespaceToken):
            token.value = " "
        for inner in (getattr(token, "arguments", None), getattr(token, "content", None)):
            if isinstance(inner, list):
                _squashed(inner)
    return tinycss2.serialize(tokens).strip()


def _compact_rules(rules: list[Node]) -> str:
    """Write rules as '{selector}{{declarations}}', at-rules' blocks likewise, without blank space between them."""
    written = []
    for rule in rules:
        if isinstance(rule, QualifiedRule) or (isinstance(rule, AtRule) and rule.content is not None):
            head = _squashed(rule.prelude)
            head = f"@{rule.at_keyword} {head}".strip() if isinstance(rule, AtRule) else head
            nested = isinstance(rule, AtRule) and rule.lower_at_keyword in NESTING_AT_RULES
            if nested:
                body = _compact_rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))
            else:
                body = ";".join(_squashed(declaration.value) and f"{declaration.name}:{_squashed(declaration.value)}"
                                f"{'!important' if declaration.important else ''}" for declaration in _declarations(rule.content))
            written.append(f"{head}{{{body}}}")
        else:
            written.append(tinycss2.serialize([rule]))
    return "".join(written)


def _declarations(content: list[Node]) -> list[Declaration]:
    """Return the declarations of a rule's block."""
    return [d for d in tinycss2.parse_declaration_list(content, skip_comments=True, skip_whitespace=True) if isinstance(d, Declaration)]


def minified_css(css: str) -> str:
    """Return a stylesheet without its comments and blank space."""
    return _compact_rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))


class ScriptSyntaxError(ValueError):
    """A site script the minifier cannot read: the site's own scripts are plain ES5."""


def minified_js(script: str, name: str = "script") -> str:
    """Return a script minified by calmjs.parse: no comments or blank space, its local names shortened, its globals kept."""
    try:
        return minify_print(es5(script), obfuscate=True, obfuscate_globals=False) + "\n"
    except ECMASyntaxError as error:
        raise ScriptSyntaxError(f"docs/assets/javascripts/{name}: {error} (the site's own scripts are plain ES5: var, function, no arrow functions, classes or template literals)") from None


def minified_svg(svg: str) -> str:
    """Return an SVG image without its comments and indentation."""
    return INDENTATION.sub("", XML_COMMENT.sub("", svg))


def minify_own_assets(site: Path) -> dict[str, tuple[int, int]]:
    """Rewrite the site's own stylesheets, scripts and SVG images in a built site, minified; return bytes before and after."""
    sizes: dict[str, tuple[int, int]] = {}
    for pattern, minified in ((OWN_STYLESHEETS, minified_css), (OWN_SCRIPTS, minified_js), (OWN_IMAGES, minified_svg)):
        for path in sorted(site.glob(pattern)):
            if THEME_FILE in path.name:
                continue
            text = path.read_text(encoding="utf-8")
            smaller = minified_js(text, path.name) if minified is minified_js else minified(text)
            path.write_text(smaller, encoding="utf-8")
            sizes[path.name] = (len(text.encode("utf-8")), len(smaller.encode("utf-8")))
    return sizes
