"""The Markdown of a new inspiration example, in the shape every example in docs/inspiration/ has."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from seniorsite.data.catalogue import FACETS, LIST_FACETS
from seniorsite.data.page_reviews import NEW_PAGE_OWNER, next_review
from seniorsite.editing.yaml_text import yaml_flow_list, yaml_scalar

# The four sections of an example page: their headings per language and their anchors, shared by both twins.
SECTIONS = {
    "example": ("eksempel", {"da": "Eksempel", "en": "Example"}),
    "steps": ("saadan-goer-i", {"da": "Sådan gør I", "en": "How to do it"}),
    "cautions": ("opmaerksom", {"da": "Vær opmærksom på", "en": "Points to watch"}),
    "read_more": ("laes-mere", {"da": "Læs mere", "en": "Read more"}),
}
# Every example's story starts with these words, so no reader takes it for a real case.
IMAGINED = {"da": "Et tænkt eksempel:", "en": "An imagined example:"}
# The pages under "Læs mere" that most examples point to, with the link texts they use.
READ_MORE = (
    ("../samtaleskabelon/index.md", {"da": "Samtaleskabelon", "en": "Conversation template"}),
    ("../arbejdshaandbog/rammeaftalen.md", {"da": "Ordninger i Rammeaftalen", "en": "Arrangements in the Framework Agreement"}),
)
LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


def list_items(lines: list[str]) -> list[str]:
    """Return the non-empty lines as list items, without any '-' or '1.' the editor wrote first."""
    items = []
    for text in lines:
        for line in text.splitlines():
            item = LIST_MARKER.sub("", line).strip()
            if item:
                items.append(item)
    return items


def _story(text: str, language: str) -> str:
    """Return the example's story, starting with 'Et tænkt eksempel:' once."""
    story = text.strip()
    lead = IMAGINED[language]
    return story if story.casefold().startswith(lead.casefold()) else f"{lead} {story}"


def _heading(section: str, language: str) -> str:
    """Return a section's heading with its anchor, like `## Eksempel { #eksempel }`."""
    anchor, titles = SECTIONS[section]
    return f"## {titles[language]} {{ #{anchor} }}"


def example_page(values: dict[str, Any], language: str, today: date | None = None) -> str:
    """Return one language's page of an example from the editor's values (texts keyed like `title-da`); both name the same owner and review date."""
    def text(key: str) -> str:
        return str(values[f"{key}-{language}"]).strip()

    front = [f"owner: {yaml_scalar(NEW_PAGE_OWNER)}", f"review: {next_review(today or date.today()).isoformat()}",
             f"title: {yaml_scalar(text('title'))}", f"description: {yaml_scalar(text('description'))}"]
    for facet in FACETS:
        front.append(f"{facet}: {yaml_flow_list(values[facet]) if facet in LIST_FACETS else yaml_scalar(values[facet])}")
    steps = [f"{number}. {step}" for number, step in enumerate(list_items(values[f"steps-{language}"]), start=1)]
    cautions = [f"- {caution}" for caution in list_items(values[f"cautions-{language}"])]
    links = [f"- [{titles[language]}]({target})" for target, titles in READ_MORE]
    parts = [
        "---\n" + "\n".join(front) + "\n---",
        f"# {text('title')}",
        text("intro"),
        _heading("example", language), _story(text("example"), language),
        _heading("steps", language), "\n".join(steps),
        _heading("cautions", language), "\n".join(cautions),
        _heading("read_more", language), "\n".join(links),
    ]
    return "\n\n".join(parts) + "\n"
