"""Move the theme's search-result styles into a stylesheet of their own, loaded when the reader turns to search."""

from __future__ import annotations

from pathlib import Path

import tinycss2
from tinycss2.ast import AtRule, Declaration, Node, QualifiedRule

from seniorsite.whole_site.unused_css import THEME_STYLESHEETS, split_selectors

# Written beside the theme's main.css; docs/assets/javascripts/search-on-demand.js loads it by this name.
SEARCH_RESULTS_STYLESHEET = "search-results.css"
SEARCH_RESULT_CLASS = ".md-search-result"
SEARCH_RESULT_VARIABLE = "--md-search-result"  # custom properties (the result icon) that only the result rules read


def _split_variables(rule: QualifiedRule) -> tuple[str, str]:
    """Return a rule's block without the search results' custom properties, and those properties as a block."""
    declarations = tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)
    moved = [d for d in declarations if isinstance(d, Declaration) and d.name.startswith(SEARCH_RESULT_VARIABLE)]
    if not moved:
        return tinycss2.serialize(rule.content), ""
    kept = [d for d in declarations if isinstance(d, Declaration) and d not in moved]
    return ";".join(d.serialize() for d in kept), ";".join(d.serialize() for d in moved)


def _split_rules(rules: list[Node]) -> tuple[list[Node], list[Node]]:
    """Part rules (and the selectors of each) into those for other things and those only for search results."""
    others: list[Node] = []
    results: list[Node] = []
    for rule in rules:
        if isinstance(rule, QualifiedRule):
            selectors = split_selectors(tinycss2.serialize(rule.prelude))
            own = [s for s in selectors if SEARCH_RESULT_CLASS in s]
            rest = [s for s in selectors if SEARCH_RESULT_CLASS not in s]
            if own:
                results.append(f"{','.join(own)}{{{tinycss2.serialize(rule.content)}}}")
            if rest:
                block, variables = _split_variables(rule)
                others.append(f"{','.join(rest)}{{{block}}}")
                if variables:
                    results.append(f"{','.join(rest)}{{{variables}}}")
        elif isinstance(rule, AtRule) and rule.lower_at_keyword in ("media", "supports") and rule.content is not None:
            inner_others, inner_results = _split_rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))
            wrapper = f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}"
            if inner_others:
                others.append(f"{wrapper}{{{''.join(inner_others)}}}")
            if inner_results:
                results.append(f"{wrapper}{{{''.join(inner_results)}}}")
        else:
            others.append(tinycss2.serialize([rule]))
    return others, results


def split_search_results_css(css: str) -> tuple[str, str]:
    """Return a stylesheet without its search-result rules, and those rules as a stylesheet of their own."""
    others, results = _split_rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))
    return "".join(others), "".join(results)


def move_search_results_css(site: Path) -> int:
    """Move the search-result rules of the theme's main stylesheet in a built site to their own file; return its bytes."""
    main = sorted(site.glob(THEME_STYLESHEETS[0]))
    if not main:
        return 0
    rest, results = split_search_results_css(main[0].read_text(encoding="utf-8"))
    if not results:  # moved already (a dirty rebuild under `make serve` keeps the theme's copied file)
        return 0
    main[0].write_text(rest, encoding="utf-8")
    (main[0].parent / SEARCH_RESULTS_STYLESHEET).write_text(results, encoding="utf-8")
    return len(results.encode("utf-8"))
