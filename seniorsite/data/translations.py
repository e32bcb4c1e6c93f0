"""Check that every page exists in every language (page.md in Danish, page.en.md beside it)."""

from __future__ import annotations

from pathlib import Path

from seniorsite.languages import DEFAULT_LANGUAGE, LANGUAGE_NAMES
from seniorsite.problems import Problem


def page_twin(page: Path, language: str) -> Path:
    """Return the path of a Danish page's version in another language."""
    return page if language == DEFAULT_LANGUAGE else page.with_suffix(f".{language}.md")


def missing_translations(docs_dir: Path, languages: tuple[str, ...]) -> list[Problem]:
    """Return a Problem for every page that lacks one of its language versions."""
    problems = []
    suffixes = tuple(f".{language}.md" for language in languages if language != DEFAULT_LANGUAGE)
    pages = sorted(docs_dir.rglob("*.md"))
    danish = {p for p in pages if not p.name.endswith(suffixes)}
    for page in sorted(danish):
        for language in languages:
            twin = page_twin(page, language)
            if not twin.exists():
                problems.append(Problem(f"docs/{page.relative_to(docs_dir)}", 0, f"the {LANGUAGE_NAMES[language]} version is missing; add docs/{twin.relative_to(docs_dir)}"))
    for page in pages:
        if page.name.endswith(suffixes):
            danish_page = page.with_name(page.name.rsplit(".", 2)[0] + ".md")
            if danish_page not in danish:
                problems.append(Problem(f"docs/{page.relative_to(docs_dir)}", 0, f"the Danish version is missing; add docs/{danish_page.relative_to(docs_dir)}"))
    return problems
