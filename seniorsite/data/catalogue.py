"""The inspiration catalogue: facets from data/catalogue.yml, examples from their pages' front matter."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from seniorsite.data.data_files import EntryNamer, load_data_file, unsafe_text_problems
from seniorsite.data.page_check import read_front_matter
from seniorsite.data.page_reviews import REVIEW_FIELDS
from seniorsite.data.translations import page_twin
from seniorsite.data.validation import schema_problems, validator_for
from seniorsite.data.yaml_source import line_of, without_keys
from seniorsite.languages import DEFAULT_LANGUAGE, LANGUAGES
from seniorsite.problems import ContentError, Problem

CATALOGUE_FOLDER = "inspiration"
# Pages in the catalogue's folder that are not examples: the overview and the tag pages.
OVERVIEW_PAGES = ("index", "emner")
FACETS = ("solution", "themes", "sectors", "initiative", "effort")
LIST_FACETS = ("themes", "sectors")
FILTER_FACETS = ("solution", "themes", "sectors")


@dataclass(frozen=True)
class FacetValue:
    """One allowed value of a facet, with its label in each language."""

    id: str
    label: dict[str, str]


@dataclass(frozen=True)
class Facet:
    """A way to describe and filter the examples, like the kind of solution."""

    id: str
    title: dict[str, str]
    values: tuple[FacetValue, ...]

    def label(self, value_id: str, language: str) -> str:
        """Return the label of one value in a language."""
        return next(value.label[language] for value in self.values if value.id == value_id)


@dataclass(frozen=True)
class Entry:
    """One example: its page's name, title and description per language, and its facet values."""

    slug: str
    title: dict[str, str]
    description: dict[str, str]
    facets: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class Catalogue:
    """The facets and every example, ordered by Danish title."""

    facets: dict[str, Facet]
    entries: tuple[Entry, ...]

    def entries_with(self, facet: str, value: str) -> list[Entry]:
        """Return the examples that carry a value of a facet."""
        return [entry for entry in self.entries if value in entry.facets[facet]]


def load_facets(path: Path, shown_as: str, schema_dir: Path) -> tuple[dict[str, Facet] | None, list[Problem]]:
    """Load and check the catalogue's facets; return them (None when there are problems) and every problem."""
    document, namer, problems = load_data_file(path, shown_as, schema_dir, "catalogue.schema.json", {})
    if not isinstance(document, dict):
        return None, problems
    for facet in FACETS:
        values = document.get(facet, {}).get("values") if isinstance(document.get(facet), dict) else None
        seen: set[str] = set()
        for index, value in enumerate(values if isinstance(values, list) else []):
            value_id = value.get("id") if isinstance(value, dict) else None
            if value_id in seen:
                problems.append(Problem(shown_as, line_of(document, [facet, "values", index, "id"]), f"'id' {value_id} is used twice in '{facet}'; every id must be unique"))
            seen.add(value_id)
    if problems:
        return None, problems
    facets = {
        name: Facet(name, dict(document[name]["title"]), tuple(FacetValue(v["id"], dict(v["label"])) for v in document[name]["values"]))
        for name in FACETS
    }
    return facets, []


def front_matter(text: str, shown_as: str) -> Any:
    """Return an example's front matter as line-numbered data; a page without one raises ContentError."""
    document = read_front_matter(text, shown_as)
    if document is None:
        raise ContentError([Problem(shown_as, 1, "the page has no front matter; start it with a block between two '---' lines (copy one from another example)")])
    return document


def _facet_problems(document: dict, facets: dict[str, Facet], shown_as: str, entry: str) -> list[Problem]:
    """Return a Problem for every facet value that data/catalogue.yml does not allow."""
    problems = []
    for name in FACETS:
        raw = document.get(name)
        values = raw if isinstance(raw, list) else [raw]
        allowed = [value.id for value in facets[name].values]
        for index, value in enumerate(values):
            if isinstance(value, str) and value not in allowed:
                path: list[str | int] = [name, index] if isinstance(raw, list) else [name]
                problems.append(Problem(shown_as, line_of(document, path), f"'{name}' {value} is not one of: {', '.join(allowed)} (see data/catalogue.yml)", entry))
    return problems


def _read_entry_page(path: Path, shown_as: str, facets: dict[str, Facet], validator: Draft202012Validator) -> tuple[Any, list[Problem]]:
    """Read and check one example page's front matter; return it and its problems."""
    slug = path.name.split(".")[0]
    entry = f'example "{slug}"'
    try:
        document = front_matter(path.read_text(encoding="utf-8-sig"), shown_as)
    except ContentError as error:
        return None, list(error.problems)
    except UnicodeDecodeError:
        return None, []  # the page check reports the encoding with its line

    def namer(_: list[str | int]) -> str:
        """Name the example for every problem in its front matter."""
        return entry

    if not isinstance(document, dict):
        return None, [Problem(shown_as, 2, "the front matter must be fields like 'title: …'", entry)]
    # The page's owner and review date are every page's fields, checked by page.schema.json (seniorsite/data/page_reviews.py).
    problems = schema_problems(without_keys(document, REVIEW_FIELDS), validator, shown_as, namer)
    problems += unsafe_text_problems(document, shown_as, EntryNamer(document, {}))
    problems += _facet_problems(document, facets, shown_as, entry)
    return document, problems


def _facet_values(document: dict) -> dict[str, tuple[str, ...]]:
    """Return an example's facet values, each as a tuple."""
    return {name: tuple(document[name]) if name in LIST_FACETS else (document[name],) for name in FACETS}


def load_entries(docs_dir: Path, facets: dict[str, Facet], schema_dir: Path) -> tuple[tuple[Entry, ...], list[Problem]]:
    """Load every example in both languages; twins must agree on every facet value."""
    folder = docs_dir / CATALOGUE_FOLDER
    danish_pages = sorted(p for p in folder.glob("*.md") if p.name.count(".") == 1 and p.stem not in OVERVIEW_PAGES)
    entries, problems = [], []
    validator = validator_for(schema_dir, "catalogue-entry.schema.json")
    for page in danish_pages:
        documents = {}
        for language in LANGUAGES:
            twin = page_twin(page, language)
            if twin.exists():
                shown_as = f"docs/{twin.relative_to(docs_dir).as_posix()}"
                documents[language], page_problems = _read_entry_page(twin, shown_as, facets, validator)
                problems += page_problems
        if problems or len(documents) != len(LANGUAGES) or None in documents.values():
            continue
        danish = _facet_values(documents[DEFAULT_LANGUAGE])
        for language, document in documents.items():
            for name, values in _facet_values(document).items():
                if values != danish[name]:
                    shown_as = f"docs/{page_twin(page, language).relative_to(docs_dir).as_posix()}"
                    problems.append(Problem(shown_as, line_of(document, [name]), f"'{name}' must be the same as on the Danish page ({', '.join(danish[name])}); only title and description are translated", f'example "{page.stem}"'))
        entries.append(Entry(page.stem, {lang: d["title"] for lang, d in documents.items()}, {lang: d["description"] for lang, d in documents.items()}, danish))
    entries.sort(key=lambda entry: entry.title[DEFAULT_LANGUAGE].casefold())
    return tuple(entries), problems


def entry_slug(src_uri: str) -> str | None:
    """Return the example's name when a page (like inspiration/x.en.md) is an example, else None."""
    folder, _, name = src_uri.rpartition("/")
    slug = name.split(".")[0]
    return slug if folder == CATALOGUE_FOLDER and slug not in OVERVIEW_PAGES else None
