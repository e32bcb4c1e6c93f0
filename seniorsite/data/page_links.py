"""A link from data to a page of the site (and a heading on it), checked against the pages' sources in every language."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from seniorsite.data.headings import markdown_headings
from seniorsite.languages import DEFAULT_LANGUAGE, LANGUAGES
from seniorsite.problems import Problem

HEADING_ATTRIBUTES = re.compile(r"\s*\{[^}]*\}\s*$")


@dataclass(frozen=True)
class PageLink:
    """A site page (and heading) that data links to, with the heading's words in each language."""

    source: str  # the Danish page's file under docs/, like arbejdshaandbog/regler.md
    anchor: str  # the heading's id, or "" for the page's top
    title: dict[str, str]

    @property
    def address(self) -> str:
        """Return the page's address within a language's site, like arbejdshaandbog/regler/#seniordage."""
        stem = self.source.removesuffix(".md")
        folder = stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else f"{stem}/"
        return folder + (f"#{self.anchor}" if self.anchor else "")


def twin_source(source: str, language: str) -> str:
    """Return the source file of a Danish page's twin in a language (the Danish file itself for Danish)."""
    return source if language == DEFAULT_LANGUAGE else source.removesuffix(".md") + f".{language}.md"


def heading_title(text: str, anchor: str) -> str | None:
    """Return the words of the heading with the id anchor (the page's title when anchor is ''), or None."""
    lines = text.splitlines()
    for heading in markdown_headings(text):
        if (anchor and heading.anchor == anchor) or (not anchor and heading.level == 1):
            words = lines[heading.line - 1].lstrip("#").strip()
            return HEADING_ATTRIBUTES.sub("", words).strip()
    return None


def page_link(target: str, docs_dir: Path, problem: Callable[[str, str], Problem], field: str = "page") -> tuple[PageLink | None, list[Problem]]:
    """Check that the page (and heading) in field exists in every language; return the link with its headings' words."""
    source, _, anchor = target.partition("#")
    titles, problems = {}, []
    if not docs_dir.is_dir():  # a copy of data/ alone has no pages to check against; the build always has them
        return PageLink(source, anchor, {}), []
    for language in LANGUAGES:
        name = twin_source(source, language)
        path = docs_dir / name
        if not path.is_file():
            problems.append(problem(field, f"'{field}' {target} leads nowhere: docs/{name} does not exist"))
            continue
        title = heading_title(path.read_text(encoding="utf-8-sig"), anchor)
        if title is None:
            problems.append(problem(field, f"'{field}' {target} leads nowhere: docs/{name} has no heading with {{ #{anchor} }}"))
            continue
        titles[language] = title
    return (PageLink(source, anchor, titles) if not problems else None), problems
