"""The catalogue's examples: front matter checked like data, with file, line, entry and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from seniorsite.data.site_data import load_site_data
from seniorsite.problems import ContentError
from tests.helpers import PROJECT

EXAMPLE = "nedsat-tid-i-hjemmeplejen"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the data, schemas and pages (the data links to handbook pages) that a test may break."""
    shutil.copytree(PROJECT / "data", tmp_path / "data")
    shutil.copytree(PROJECT / "schemas", tmp_path / "schemas")
    shutil.copytree(PROJECT / "docs", tmp_path / "docs", ignore=shutil.ignore_patterns("assets"))
    return tmp_path


def edit(project: Path, name: str, old: str, new: str) -> int:
    """Replace a line's text in one example page; return the line number it is on."""
    page = project / "docs" / "inspiration" / name
    lines = page.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith(old))
    lines[number] = new
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return number + 1


def problems(project: Path) -> list[str]:
    """Load the data and return every problem as an editor sees it."""
    with pytest.raises(ContentError) as caught:
        load_site_data(project)
    return [str(problem) for problem in caught.value.problems]


def test_the_real_examples_load_in_both_languages() -> None:
    """At least sixteen examples, each with a title in both languages."""
    entries = load_site_data(PROJECT).catalogue.entries
    assert len(entries) >= 16
    assert all(entry.title["da"] and entry.title["en"] for entry in entries)


def test_an_unknown_value_names_the_allowed_ones(project: Path) -> None:
    """A sector that data/catalogue.yml does not know is refused with the list of those it does."""
    line = edit(project, f"{EXAMPLE}.md", "sectors:", "sectors: [aeldre-og-sundhed, hospital]")
    assert problems(project) == [
        f"docs/inspiration/{EXAMPLE}.md:{line}: example \"{EXAMPLE}\": 'sectors' hospital is not one of: aeldre-og-sundhed, "
        "dagtilbud, skole, social-og-handicap, teknik-og-miljoe, administration (see data/catalogue.yml)",
    ]


def test_a_missing_field_is_named(project: Path) -> None:
    """Leaving out who takes the initiative is refused by name, on the front matter's first line."""
    edit(project, f"{EXAMPLE}.en.md", "initiative:", "")
    assert problems(project) == [f"docs/inspiration/{EXAMPLE}.en.md:2: example \"{EXAMPLE}\": 'initiative' is missing"]


def test_twins_must_agree_on_the_facts(project: Path) -> None:
    """The English page may translate title and description, but not change the facts."""
    line = edit(project, f"{EXAMPLE}.en.md", "effort:", "effort: stor")
    assert problems(project)[0].startswith(f"docs/inspiration/{EXAMPLE}.en.md:{line}: example \"{EXAMPLE}\": 'effort' must be the same as on the Danish page")


def test_html_in_a_title_is_refused(project: Path) -> None:
    """A title with markup is refused, naming the field."""
    line = edit(project, f"{EXAMPLE}.md", "title:", "title: Nedsat tid <img src=x onerror=alert(1)>")
    assert f"docs/inspiration/{EXAMPLE}.md:{line}: 'title' contains HTML (something like <tag>); write plain text or Markdown instead" in problems(project)


def test_a_page_without_front_matter_is_refused(project: Path) -> None:
    """An example with no front matter says how to add it."""
    page = project / "docs" / "inspiration" / f"{EXAMPLE}.md"
    page.write_text("# Nedsat tid\n\nTekst.\n", encoding="utf-8")
    assert problems(project) == [f"docs/inspiration/{EXAMPLE}.md:1: the page has no front matter; start it with a block between two '---' lines (copy one from another example)"]


def test_broken_yaml_in_front_matter_names_its_line(project: Path) -> None:
    """Front matter that is not YAML is refused with the line in the page."""
    line = edit(project, f"{EXAMPLE}.md", "themes:", "themes: [arbejdstid")
    found = problems(project)
    assert len(found) == 1 and found[0].startswith(f"docs/inspiration/{EXAMPLE}.md:") and "the YAML cannot be read" in found[0]
    assert int(found[0].split(":")[1]) >= line
