"""Texts to fill in: every placeholder names a field, shows its prompt in the page, and a wrong one stops the build."""

from __future__ import annotations

import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from seniorsite.data.placeholders import page_placeholder_problems, placeholders_in_page
from seniorsite.data.site_data import load_site_data
from seniorsite.page.fill_in import fields_on_page, with_fill_spans, with_prompts
from tests.helpers import PROJECT, BuildResult, build, copy_project

DETAILS = load_site_data(PROJECT).details


def test_every_field_has_a_prompt_in_each_language_and_the_prompts_differ() -> None:
    """Each field shows '[…]' in Danish and English, and no two fields share a prompt (a Word file maps prompts back to fields)."""
    for language in ("da", "en"):
        prompts = [field.prompt(language) for field in DETAILS.fields]
        assert all(prompt.startswith("[") and prompt.endswith("]") and len(prompt) > 2 for prompt in prompts)
        assert len(set(prompts)) == len(prompts)


def test_placeholders_in_code_are_not_placeholders() -> None:
    """A placeholder shown as an example in code (on the contributors' page) is left alone; one in the text is found."""
    source = "Skriv {{ kommune }} her.\n\n`{{ eksempel }}` er kode.\n\n```\n{{ heller-ikke }}\n```\n\nOg {{ alder }} til sidst.\n"
    assert list(placeholders_in_page(source)) == [(1, "kommune"), (9, "alder")]


def test_an_unknown_placeholder_in_a_page_names_file_line_and_the_nearest_field(tmp_path: Path) -> None:
    """A misspelt placeholder is refused with the page, its line and the field it was probably meant to be."""
    docs = tmp_path / "docs"
    shutil.copytree(PROJECT / "docs", docs)
    page = docs / "kommunikation" / "index.en.md"
    lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[30] = "Welcome to {{ kommnue }}.\n"
    page.write_text("".join(lines), encoding="utf-8")
    assert [str(problem) for problem in page_placeholder_problems(docs, DETAILS.ids)] == [
        "docs/kommunikation/index.en.md:31: the page has the placeholder {{ kommnue }}, which names no field in data/details.yml; did you mean {{ kommune }}?",
    ]


def test_the_real_pages_name_only_known_fields() -> None:
    """Every placeholder in the site's pages names a field of data/details.yml."""
    assert page_placeholder_problems(PROJECT / "docs", DETAILS.ids) == []


def test_prompts_replace_placeholders_outside_code_only() -> None:
    """Each placeholder becomes an empty marked span before Markdown (so no word of its id turns into a term), then its prompt."""
    markdown = "I {{ kommune }} fra {{alder}} år og {{ seniorpolitik-link }}.\n\n`{{ kommune }}`\n\n```\n{{ alder }}\n```\n"
    spans = with_fill_spans(markdown)
    assert spans.splitlines()[2:] == ["`{{ kommune }}`", "", "```", "{{ alder }}", "```"]
    shown = with_prompts(spans.splitlines()[0], DETAILS, "en")
    assert shown == ('I <span class="sv-fill" data-field="kommune">[name of the municipality]</span> fra '
                     '<span class="sv-fill" data-field="alder">[age]</span> år og '
                     '<span class="sv-fill" data-field="seniorpolitik-link">[link to the senior policy]</span>.')
    assert [field.id for field in fields_on_page(shown, DETAILS)] == ["kommune", "alder", "seniorpolitik-link"]


def test_a_wrong_placeholder_stops_the_real_build(tmp_path: Path) -> None:
    """The build checks placeholders before any page is written: nothing half-built is left behind."""
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "kommunikation" / "index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("{{ alder }}", "{{ aldre }}", 1), encoding="utf-8")
    result = build(project, tmp_path / "site", pdfs=False)
    assert result.returncode != 0
    assert "the page has the placeholder {{ aldre }}, which names no field in data/details.yml; did you mean {{ alder }}?" in result.output
    assert not (tmp_path / "site" / "index.html").exists()


def test_no_built_page_shows_a_placeholder_as_written(built_site: BuildResult) -> None:
    """Outside code, no page of either language shows '{{': every placeholder became its marked prompt."""
    shown = []
    for page in built_site.site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for code in soup.find_all(["code", "pre", "script", "style"]):
            code.decompose()
        if "{{" in soup.get_text():
            shown.append(page.relative_to(built_site.site).as_posix())
    assert shown == []
    kit = BeautifulSoup((built_site.site / "kommunikation" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert {span.get_text() for span in kit.select(".sv-fill[data-field=seniorpolitik-link]")} == {"[link til seniorpolitikken]"}
