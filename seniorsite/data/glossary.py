"""The glossary: key terms with their agreed English rendering, shown as a page and as tooltips."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from seniorsite.data.data_files import EntryNamer, duplicate_id_problems, duplicate_text_problems, load_data_file
from seniorsite.data.yaml_source import line_of
from seniorsite.problems import Problem

GLOSSARY_NOUNS = {"terms": "term"}


@dataclass(frozen=True)
class Term:
    """One term as written in each language, with a one-sentence explanation in each."""

    id: str
    term: dict[str, str]
    explanation: dict[str, str]
    same_as: str | None = None


@dataclass(frozen=True)
class Glossary:
    """Every term, in the order the editors wrote them."""

    terms: tuple[Term, ...]

    def sorted_for(self, language: str) -> list[Term]:
        """Return the terms in alphabetical order of their form in a language."""
        return sorted(self.terms, key=lambda term: term.term[language].casefold())

    def synonyms(self, language: str) -> dict[str, str]:
        """Return, for search, each abbreviation and its full term mapped to the other, in lower case."""
        forms = {term.id: term.term[language].casefold() for term in self.terms}
        found: dict[str, list[str]] = {}
        for term in self.terms:
            if term.same_as:
                found.setdefault(forms[term.id], []).append(forms[term.same_as])
                found.setdefault(forms[term.same_as], []).append(forms[term.id])
        return {word: " ".join(others) for word, others in sorted(found.items())}

    def entry_ids(self, language: str) -> dict[str, str]:
        """Return each term as written in the language with the id of its entry on the glossary page."""
        return {term.term[language]: term.id for term in self.terms}

    def tooltips(self, language: str) -> dict[str, str]:
        """Return each term with its explanation: the abbr extension's glossary, which gives every page the tooltips."""
        return {term.term[language]: term.explanation[language] for term in self.terms}


def _same_as_problems(document: dict, shown_as: str, namer: EntryNamer) -> list[Problem]:
    """Return a Problem for a 'same_as' that names no term of the glossary, or the term itself."""
    entries = [entry for entry in document.get("terms") or [] if isinstance(entry, dict)]
    ids = {entry.get("id") for entry in entries}
    problems = []
    for index, entry in enumerate(document.get("terms") or []):
        target = entry.get("same_as") if isinstance(entry, dict) else None
        if target is not None and (target not in ids or target == entry.get("id")):
            line = line_of(document, ["terms", index, "same_as"])
            problems.append(Problem(shown_as, line, f"'same_as' must be the id of another term in this file, not '{target}'", namer(["terms", index])))
    return problems


def load_glossary(path: Path, shown_as: str, schema_dir: Path) -> tuple[Glossary | None, list[Problem]]:
    """Load and check the glossary; return it (None when it has problems) and every problem."""
    document, namer, problems = load_data_file(path, shown_as, schema_dir, "glossary.schema.json", GLOSSARY_NOUNS)
    if not isinstance(document, dict):
        return None, problems
    problems += duplicate_id_problems(document, "terms", shown_as, namer)
    problems += duplicate_text_problems(document, "terms", "term", "term", shown_as, namer)  # a tooltip would be ambiguous
    problems += _same_as_problems(document, shown_as, namer)
    if problems:
        return None, problems
    return Glossary(tuple(Term(t["id"], dict(t["term"]), dict(t["explanation"]), t.get("same_as")) for t in document["terms"])), []
