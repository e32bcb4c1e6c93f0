"""Editors see every content and data error on its file and line in the pull request (GitHub annotations)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from seniorsite.editing.annotations import annotation, link_warning_annotation, problem_annotation
from seniorsite.problems import Problem
from tests.helpers import PROJECT, build, copy_project

IN_ACTIONS = {"GITHUB_ACTIONS": "true"}
PROBLEM_LINE = re.compile(r"^\s+(?P<file>(?:data|docs)/[^:]+):(?P<line>\d+): (?P<message>.+)$", re.MULTILINE)


def test_an_annotation_names_file_line_and_the_builds_words() -> None:
    """A problem becomes `::error file=…,line=…::entry: message`, as GitHub reads it."""
    problem = Problem("data/events.yml", 14, "'start' must be a date", 'event "webinar"')
    assert problem_annotation(problem) == '::error file=data/events.yml,line=14::event "webinar": \'start\' must be a date'


def test_an_annotation_escapes_what_github_would_misread() -> None:
    """Percent signs, line breaks, and commas or colons in a file name are escaped; a missing line is left out."""
    assert annotation("docs/a,b:c.md", 0, "50% done\nnext", "warning") == "::warning file=docs/a%2Cb%3Ac.md::50%25 done%0Anext"


def test_a_link_warning_lands_on_the_line_with_the_link(tmp_path: Path) -> None:
    """MkDocs' 'contains a link' warning is shown on the line of the page that holds the link."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "om.md").write_text("# Om\n\nTekst.\n\nSe [FAQ](faq-gammel.md).\n", encoding="utf-8")
    message = "Doc file 'om.md' contains a link 'faq-gammel.md', but the target is not found among documentation files."
    assert link_warning_annotation(message, docs) == f"::error file=docs/om.md,line=5::{message}"
    assert link_warning_annotation("Some other warning", docs) is None


def test_every_data_problem_is_annotated_at_once(tmp_path: Path) -> None:
    """A build in GitHub Actions with problems in two data files prints an annotation for each, as the log words it."""
    project = copy_project(tmp_path / "project")
    shutil.copy(PROJECT / "tests/broken_data/events-end-before-start.yml", project / "data" / "events.yml")
    shutil.copy(PROJECT / "tests/broken_data/faq-unknown-topic.yml", project / "data" / "faq.yml")
    result = build(project, tmp_path / "site", pdfs=False, extra_environment=IN_ACTIONS)
    assert result.returncode != 0
    problems = PROBLEM_LINE.findall(result.output)
    assert {file for file, _, _ in problems} == {"data/events.yml", "data/faq.yml"}
    for file, line, message in problems:
        assert f"::error file={file},line={line}::{message}" in result.output


def test_a_broken_link_is_annotated_on_its_page_and_line(tmp_path: Path) -> None:
    """A link to a page that does not exist is shown on the page's line, and the strict build stops."""
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "om.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    at = lines.index("---", 1) + 2  # after the front matter and a blank line, where the title was
    lines.insert(at, "Læs [det gamle svar](faq-gammel.md).")
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = build(project, tmp_path / "site", pdfs=False, extra_environment=IN_ACTIONS)
    assert result.returncode != 0
    assert re.search(rf"^::error file=docs/om\.md,line={at + 1}::Doc file 'om\.md' contains a link 'faq-gammel\.md'", result.output, re.MULTILINE), result.output[-3000:]


def test_no_annotations_outside_github_actions(tmp_path: Path) -> None:
    """A local build prints the problems in plain words only."""
    project = copy_project(tmp_path / "project")
    shutil.copy(PROJECT / "tests/broken_data/events-end-before-start.yml", project / "data" / "events.yml")
    result = build(project, tmp_path / "site", pdfs=False, extra_environment={"GITHUB_ACTIONS": ""})
    assert result.returncode != 0 and "data/events.yml:" in result.output
    assert "::error" not in result.output
