"""Each page's owner and review date, from the Danish page's front matter (checked by schemas/page.schema.json)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from seniorsite.data.page_check import read_front_matter
from seniorsite.data.validation import schema_problems, validator_for
from seniorsite.data.yaml_source import LineDict, line_of
from seniorsite.languages import DEFAULT_LANGUAGE, LANGUAGES
from seniorsite.problems import ContentError, Problem

PAGE_SCHEMA = "page.schema.json"
REVIEW_FIELDS = ("owner", "review")
NEW_PAGE_OWNER = "KL og Forhandlingsfællesskabet"  # who answers for a page an editor adds, until they write another


@dataclass(frozen=True)
class PageReview:
    """Who answers for a page, and the day it is to be read through again."""

    owner: str
    review: date

    def overdue(self, today: date) -> bool:
        """Tell whether the review date has passed."""
        return self.review < today


def next_review(today: date) -> date:
    """Return the review date a new page gets: the same day a year later (28 February for 29 February)."""
    return today.replace(year=today.year + 1, day=min(today.day, 28) if (today.month, today.day) == (2, 29) else today.day)


def is_danish_page(path: Path) -> bool:
    """Tell whether a page file is the Danish one (page.md, not page.en.md)."""
    return not any(path.name.endswith(f".{language}.md") for language in LANGUAGES if language != DEFAULT_LANGUAGE)


def danish_page_of(source: str) -> str:
    """Return the Danish page a page file below docs/ belongs to: 'faq.en.md' and 'faq.md' both give 'faq.md'."""
    for language in LANGUAGES:
        if language != DEFAULT_LANGUAGE and source.endswith(f".{language}.md"):
            return source.removesuffix(f".{language}.md") + ".md"
    return source


def _read_review(path: Path, shown_as: str, validator: object) -> tuple[LineDict | None, PageReview | None, list[Problem]]:
    """Read one page's owner and review date; return its front matter, the review (None if wrong) and the problems."""
    try:
        fields = read_front_matter(path.read_text(encoding="utf-8-sig"), shown_as)
    except (ContentError, UnicodeDecodeError):
        return None, None, []  # the page check reports the front matter or the encoding with its line
    fields = fields if isinstance(fields, LineDict) else LineDict()
    found = schema_problems(fields, validator, shown_as, lambda _: "front matter")
    if found:
        return fields, None, [Problem(p.file, p.line or 2, p.message, p.entry) for p in found]
    try:
        review = date.fromisoformat(str(fields["review"]))
    except ValueError:
        return fields, None, [Problem(shown_as, line_of(fields, ["review"]), f"'review' must be a real day like 2027-12-01, not {fields['review']}", "front matter")]
    return fields, PageReview(str(fields["owner"]).strip(), review), []


def page_reviews(docs_dir: Path, schema_dir: Path) -> tuple[dict[str, PageReview], list[Problem]]:
    """Return each page's review by its Danish page's path below docs/ (like 'faq.md'); a problem for each missing or wrong field, or a twin that differs."""
    validator = validator_for(schema_dir, PAGE_SCHEMA)
    reviews: dict[str, PageReview] = {}
    problems: list[Problem] = []
    pages = sorted(docs_dir.rglob("*.md"), key=lambda path: (not is_danish_page(path), path))  # the Danish pages first
    for path in pages:
        source = path.relative_to(docs_dir).as_posix()
        shown_as = f"docs/{source}"
        fields, review, found = _read_review(path, shown_as, validator)
        problems += found
        if review is None:
            continue
        if is_danish_page(path):
            reviews[source] = review
            continue
        danish = reviews.get(danish_page_of(source))
        if danish is not None:
            problems += [Problem(shown_as, line_of(fields, [key]), f"'{key}' must be the same as on the Danish page ({shown}); both pages name one owner and one date", "front matter")
                         for key, mine, theirs, shown in (("owner", review.owner, danish.owner, danish.owner),
                                                          ("review", review.review, danish.review, danish.review.isoformat()))
                         if mine != theirs]
    return reviews, problems


def overdue_pages(reviews: dict[str, PageReview], today: date) -> list[tuple[str, PageReview]]:
    """Return the pages whose review date has passed, the oldest first."""
    return sorted(((page, review) for page, review in reviews.items() if review.overdue(today)), key=lambda item: (item[1].review, item[0]))


def review_lines(overdue: Iterable[tuple[str, PageReview]], today: date) -> list[str]:
    """Return the report's lines: each page past its review date, with its owner and how long ago."""
    return [f"docs/{page}: review was due {review.review.isoformat()} ({(today - review.review).days} days ago); owner: {review.owner}"
            for page, review in overdue]
