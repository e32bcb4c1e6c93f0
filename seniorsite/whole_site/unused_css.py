"""Ship only the theme CSS the site uses: drop rules for classes no page and no script ever sets.

A rule is kept unless one of its selectors' classes (outside :not(), :is() and the like) is
neither on a built page nor a word in a shipped script (the theme sets its states, search results
and dialogs by script). Custom properties nothing reads and animations nothing runs go too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import tinycss2
from tinycss2.ast import AtRule, Declaration, Node, QualifiedRule

from seniorsite.page.security_policy import inline_scripts

# The theme's stylesheets, as Material writes them into the built site (name.hash.min.css).
THEME_STYLESHEETS = ("assets/stylesheets/main.*.min.css", "assets/stylesheets/palette.*.min.css")
OWN_STYLESHEETS = ("assets/stylesheets/*.css",)
# The theme's scripts (and lunr's): the classes they set count only for the theme components this
# site shows (mkdocs.yml's features): search and its results, header, navigation and table of
# contents, back-to-top, the dialog, tables wrapped for scrolling, the keyboard focus marker.
THEME_SCRIPTS = ("assets/javascripts/bundle.*.min.js", "assets/javascripts/workers/search.*.min.js", "assets/javascripts/lunr/**/*.js")
THEME_SCRIPT_CLASSES = (
    "md-search", "md-header", "md-nav", "md-sidebar", "md-content", "md-footer", "md-top", "md-dialog",
    "md-typeset__", "focus-visible", "js",
)
CLASS_ATTRIBUTE = re.compile(r"""\bclass=(?:"([^"]*)"|'([^']*)'|\\"([^"\\]*)\\")""")
# An attribute with its value, as a page writes it: role="columnheader", dir="ltr".
ATTRIBUTE_VALUE = re.compile(r"""\s([\w-]+)=(?:"([^"]*)"|'([^']*)'|([\w-]+))""")
# Attributes whose values only the site's own scripts (not every word of the theme's) may set: the text direction and colours.
OWN_CHOICES = re.compile(r"dir|data-md-color-[a-z]+")
SCRIPT_WORD = re.compile(r"[A-Za-z_][\w-]*")
# A script names a class or an element in a string ("md-search-result__item", ".sv-card", "mark"), not in its code or comments.
SCRIPT_STRING = re.compile(r""""((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'""")
TAG = re.compile(r"<([a-z][a-z0-9]*)\b")
SELECTOR_COMPOUND = re.compile(r"[^\s>+~]+")
SELECTOR_TYPE = re.compile(r"^[a-z][a-z0-9]*")
SELECTOR_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
SELECTOR_CHOICE = re.compile(r"\[([\w-]+)=[\"']?([\w-]+)[\"']?\]")  # [role=columnheader]; not ^=, $=, *= or ~=
# A pseudo-class's argument (what :not() or :is() names need not be on the page), an attribute selector.
PARENTHESIZED = re.compile(r"\([^()]*\)")
ATTRIBUTE_SELECTOR = re.compile(r"\[[^\[\]]*\]")
VARIABLE_USE = re.compile(r"var\(\s*--([\w-]+)")
ANIMATION_DECLARATIONS = ("animation", "animation-name")


@dataclass(frozen=True)
class UsedNames:
    """What a built site can put on a page: classes, elements, script words (classes set by script), attribute values."""

    classes: frozenset[str]
    tags: frozenset[str]
    script_words: frozenset[str]
    choices: frozenset[tuple[str, str]]
    all_script_words: frozenset[str]

    def has_class(self, name: str) -> bool:
        """True if a page holds the class, or a script names it (whole, or as a prefix it completes)."""
        if name in self.classes or name in self.script_words:
            return True
        return any(name[:cut] in self.script_words for cut in _prefix_cuts(name))


def _prefix_cuts(name: str) -> list[int]:
    """Return where a class name may be cut into a prefix a script completes: after each '-' or '__'."""
    return [at + 1 for at, char in enumerate(name) if char in "-_" and at + 1 < len(name)]


def used_names(markup: Iterable[str], scripts: Iterable[str], theme_scripts: Iterable[str] = ()) -> UsedNames:
    """Collect the pages' classes and direction and colour choices, and the words of the site's scripts (of the theme's, its components' in use)."""
    classes: set[str] = set()
    tags: set[str] = set()
    choices: set[tuple[str, str]] = set()
    for text in markup:
        for match in CLASS_ATTRIBUTE.finditer(text):
            classes.update((match.group(1) or match.group(2) or match.group(3) or "").split())
        choices.update((match.group(1), match.group(2) or match.group(3) or match.group(4) or "") for match in ATTRIBUTE_VALUE.finditer(text))
        tags.update(TAG.findall(text))
    words = {word for text in scripts for word in _string_words(text)}
    theme_words = {word for text in theme_scripts for word in _string_words(text)}
    everything = frozenset(words | theme_words)
    tags |= everything  # an element a script creates: document.createElement("mark"), h("article")
    words |= {word for word in theme_words if word.startswith(THEME_SCRIPT_CLASSES)}
    return UsedNames(frozenset(classes), frozenset(tags), frozenset(words), frozenset(choices), everything)


def _string_words(script: str) -> set[str]:
    """Return the words in a script's string literals."""
    return {word for match in SCRIPT_STRING.finditer(script) for word in SCRIPT_WORD.findall(match.group(1) or match.group(2) or "")}


def _selector_used(selector: str, used: UsedNames) -> bool:
    """True if the selector may match on some page: each class, element and attribute value it needs is on a page or set by a script."""
    plain = selector
    while PARENTHESIZED.search(plain):
        plain = PARENTHESIZED.sub("", plain)
    for attribute, value in SELECTOR_CHOICE.findall(plain):
        set_by_script = used.script_words if OWN_CHOICES.fullmatch(attribute) else used.all_script_words
        if (attribute, value) not in used.choices and value not in set_by_script:
            return False
    plain = ATTRIBUTE_SELECTOR.sub("", plain)
    types = [match.group(0) for compound in SELECTOR_COMPOUND.findall(plain) if (match := SELECTOR_TYPE.match(compound))]
    return all(name in used.tags for name in types) and all(used.has_class(name) for name in SELECTOR_CLASS.findall(plain))


def split_selectors(prelude: str) -> list[str]:
    """Split a selector list at its top-level commas (not those inside :is(…) or :not(…))."""
    parts, depth, start = [], 0, 0
    for at, char in enumerate(prelude):
        depth += {"(": 1, ")": -1, "[": 1, "]": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(prelude[start:at])
            start = at + 1
    parts.append(prelude[start:])
    return [part.strip() for part in parts if part.strip()]


def _pruned_rules(rules: list[Node], used: UsedNames) -> list[Node]:
    """Keep the rules and selectors that may match; recurse into @media and @supports."""
    kept: list[Node] = []
    for rule in rules:
        if isinstance(rule, QualifiedRule):
            selectors = [s for s in split_selectors(tinycss2.serialize(rule.prelude)) if _selector_used(s, used)]
            if selectors:
                rule.prelude = tinycss2.parse_component_value_list(",".join(selectors))
                kept.append(rule)
        elif isinstance(rule, AtRule) and rule.lower_at_keyword in ("media", "supports") and rule.content is not None:
            inner = _pruned_rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), used)
            if inner:
                rule.content = inner  # serialize() writes a block's nodes in order, rules as well as tokens
                kept.append(rule)
        elif isinstance(rule, (QualifiedRule, AtRule)):
            kept.append(rule)
    return kept


def _declarations(rule: QualifiedRule) -> list[Declaration]:
    """Return a rule's declarations."""
    return [d for d in tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True) if isinstance(d, Declaration)]


def _serialize_declarations(declarations: list[Declaration]) -> str:
    """Write declarations back as a minified block body."""
    return ";".join(f"{d.name}:{tinycss2.serialize(d.value).strip()}{'!important' if d.important else ''}" for d in declarations)


def _all_rules(rules: list[Node]) -> Iterable[QualifiedRule]:
    """Yield every style rule, also those inside @media and @supports."""
    for rule in rules:
        if isinstance(rule, QualifiedRule):
            yield rule
        elif isinstance(rule, AtRule) and rule.content is not None and rule.lower_at_keyword in ("media", "supports"):
            yield from _all_rules([r for r in rule.content if isinstance(r, (QualifiedRule, AtRule))])


def _without_unread_variables(sheets: list[list[Node]], readers: str, used: UsedNames) -> None:
    """Drop custom property declarations that no kept rule, other stylesheet or script reads (until none is left)."""
    set_by_script = {word for word in used.script_words if word.startswith("md-")}  # e.g. the header's --md-header-height? kept if named
    while True:
        styles = [rule for rules in sheets for rule in _all_rules(rules)]
        text = readers + "".join(tinycss2.serialize(rule.content) for rule in styles)
        read = set(VARIABLE_USE.findall(text)) | set_by_script
        changed = False
        for rule in styles:
            declarations = _declarations(rule)
            kept = [d for d in declarations if not d.name.startswith("--") or d.name[2:] in read]
            if len(kept) != len(declarations):
                rule.content = tinycss2.parse_component_value_list(_serialize_declarations(kept))
                changed = True
        if not changed:
            return


def _without_empty(rules: list[Node]) -> list[Node]:
    """Drop style rules left without declarations, and @media or @supports left without rules."""
    kept: list[Node] = []
    for rule in rules:
        if isinstance(rule, QualifiedRule) and not _declarations(rule):
            continue
        if isinstance(rule, AtRule) and rule.lower_at_keyword in ("media", "supports") and rule.content is not None:
            rule.content = _without_empty([r for r in rule.content if isinstance(r, (QualifiedRule, AtRule))])
            if not rule.content:
                continue
        kept.append(rule)
    return kept


def _without_unused_keyframes(rules: list[Node]) -> list[Node]:
    """Drop @keyframes whose animation no kept rule runs."""
    running = " ".join(
        tinycss2.serialize(d.value) for rule in _all_rules(rules) for d in _declarations(rule) if d.lower_name in ANIMATION_DECLARATIONS
    )
    words = set(SCRIPT_WORD.findall(running))
    return [
        rule for rule in rules
        if not (isinstance(rule, AtRule) and rule.lower_at_keyword == "keyframes" and tinycss2.serialize(rule.prelude).strip() not in words)
    ]


def pruned_stylesheets(sheets: list[str], used: UsedNames, readers: str = "") -> list[str]:
    """Return the stylesheets with only the rules, custom properties and animations the site may use (readers: other CSS)."""
    parsed = [_pruned_rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), used) for css in sheets]
    _without_unread_variables(parsed, readers, used)
    return [tinycss2.serialize(_without_unused_keyframes(_without_empty(rules))) for rules in parsed]


def prune_theme_stylesheets(site: Path) -> dict[str, tuple[int, int]]:
    """Rewrite the theme's stylesheets in a built site with only what its pages and scripts use; return bytes before and after."""
    theme_scripts = {path for pattern in THEME_SCRIPTS for path in site.glob(pattern)}
    pages = [path.read_text(encoding="utf-8") for path in site.glob("**/*.html")]
    used = used_names(
        [*pages, *(path.read_text(encoding="utf-8") for path in site.glob("**/search_index.json"))],
        [*(path.read_text(encoding="utf-8") for path in site.glob("assets/javascripts/**/*.js") if path not in theme_scripts),
         *(script for page in pages for script in inline_scripts(page))],  # a page's own inline scripts set choices too
        (path.read_text(encoding="utf-8") for path in theme_scripts),
    )
    theme = [path for pattern in THEME_STYLESHEETS for path in sorted(site.glob(pattern))]
    own = [path for pattern in OWN_STYLESHEETS for path in sorted(site.glob(pattern)) if path not in theme]
    originals = [path.read_text(encoding="utf-8") for path in theme]
    pruned = pruned_stylesheets(originals, used, "".join(path.read_text(encoding="utf-8") for path in own))
    sizes: dict[str, tuple[int, int]] = {}
    for path, css, new in zip(theme, originals, pruned, strict=True):
        path.write_text(new, encoding="utf-8")
        sizes[path.name] = (len(css.encode("utf-8")), len(new.encode("utf-8")))
    return sizes
