"""`make translations` and the 'translation-status' marker: what waits for translation, from git."""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from seniorsite.data.headings import heading_mismatch, markdown_headings
from seniorsite.data.site_data import load_site_data
from seniorsite.editing.status_view import waiting_view
from seniorsite.editing.translation_status import TranslationStatus, TwinStatus, main, translation_status
from seniorsite.page.render import PageRenderer, partials_environment
from seniorsite.strings import load_strings
from tests.helpers import PROJECT, build, copy_project, soup_of

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
MARKER = "\n<!-- insert: translation-status -->\n"
OLD_ANSWER = "        typisk, at arbejdsgiveren får besked senest 1. oktober året før."
ANSWER_LINE = 336  # the line of `da: |` of question "bytte-seniordage"'s answer in data/faq.yml
ENGLISH_ANSWER_KEY_LINE = 341


def commit(project: Path, message: str, when: datetime) -> None:
    """Commit every change in the project as an editor would, dated when."""
    moment = when.isoformat()
    environment = {**os.environ, "GIT_AUTHOR_DATE": moment, "GIT_COMMITTER_DATE": moment}
    for command in (["add", "-A"], ["-c", "user.name=Editor", "-c", "user.email=editor@example.org", "commit", "-q", "-m", message]):
        subprocess.run(["git", *command], cwd=project, env=environment, check=True, capture_output=True)


@pytest.fixture(scope="module")
def edited_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project in git: both languages committed, then the Danish 'Om' page 12 days later and a Danish FAQ answer 3 days later."""
    project = copy_project(tmp_path_factory.mktemp("history") / "project")
    for page in ("om.md", "om.en.md"):
        path = project / "docs" / page
        path.write_text(path.read_text(encoding="utf-8") + MARKER, encoding="utf-8")
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=project, check=True)
    commit(project, "Both languages", START)
    faq = project / "data" / "faq.yml"
    faq.write_text(faq.read_text(encoding="utf-8").replace(OLD_ANSWER, OLD_ANSWER.replace("senest", "allersenest")), encoding="utf-8")
    commit(project, "A Danish answer changes", START + timedelta(days=3))
    about = project / "docs" / "om.md"
    about.write_text(about.read_text(encoding="utf-8").replace("43 kommuner var med.", "43 kommuner deltog."), encoding="utf-8")
    commit(project, "The Danish 'Om' page changes", START + timedelta(days=12))
    return project


def twin_named(status: TranslationStatus, name: str) -> TwinStatus:
    """Return the status of one page or data text by the name the table shows."""
    return next(twin for twin in status.twins if f"{twin.name} {twin.entry}".strip() == name)


def test_the_real_content_has_every_twin(capsys: pytest.CaptureFixture[str]) -> None:
    """The project's own pages and data have both languages, so `make translations` passes."""
    assert main(PROJECT) == 0
    output = capsys.readouterr().out
    assert "docs/om.md" in output and 'question "bytte-seniordage" answer' in output
    assert " 0 missing" in output


def test_a_changed_danish_text_leaves_its_english_twin_waiting(edited_project: Path) -> None:
    """The page and the FAQ answer changed in Danish show English as older by the time between the commits."""
    status = translation_status(edited_project)
    about = twin_named(status, "docs/om.md")
    assert (about.newest, about.older, about.lag) == ("da", "en", timedelta(days=12))
    answer = twin_named(status, 'data/faq.yml:336 question "bytte-seniordage" answer')
    assert (answer.newest, answer.older, answer.lag.days) == ("da", "en", 3)
    assert answer.lines == {"da": ANSWER_LINE, "en": ENGLISH_ANSWER_KEY_LINE}
    assert twin_named(status, 'data/faq.yml:333 question "bytte-seniordage" question').older == ""
    assert {twin.name for twin in status.waiting} == {"docs/om.md", "data/faq.yml:336"}


def test_github_actions_gets_a_warning_on_the_older_translation(edited_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """In GitHub Actions each older translation is annotated on its own file and line; an older one alone does not fail."""
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert main(edited_project) == 0
    output = capsys.readouterr().out
    assert ("::warning file=docs/om.en.md,line=1::The English text is 12 days older than the Danish one (docs/om.md); "
            "update the translation") in output
    assert (f'::warning file=data/faq.yml,line={ENGLISH_ANSWER_KEY_LINE}::The English text of question "bytte-seniordage" answer is '
            f"3 days older than the Danish one (line {ANSWER_LINE}); update the translation") in output


def test_without_github_actions_there_are_no_annotations(edited_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """On an editor's machine the table says the same in words, without GitHub's annotation lines."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    main(edited_project)
    output = capsys.readouterr().out
    assert "::warning" not in output
    row = next(line for line in output.splitlines() if line.startswith("docs/om.md "))
    assert row.split()[1:5] == ["da+en", "Danish", "12", "days"]


def test_a_missing_twin_fails_and_different_headings_are_shown(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A page without its English twin and an English text missing from data fail; a heading of another level is named."""
    project = copy_project(tmp_path / "project")
    (project / "docs" / "privatliv.en.md").unlink()
    english = project / "docs" / "om.en.md"
    english.write_text(english.read_text(encoding="utf-8").replace("## The aim { #maalet }", "### The aim { #maalet }"), encoding="utf-8")
    events = project / "data" / "events.yml"
    events.write_text(events.read_text(encoding="utf-8").replace("      en: Online\n", "", 1), encoding="utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert main(project) == 1
    output = capsys.readouterr().out
    assert "missing: docs/privatliv.md: the English version is missing; add docs/privatliv.en.md" in output
    assert 'data/events.yml:20: event "kick-off-2022-06-22": the English text of \'location\' is missing' in output
    assert "::error file=docs/privatliv.md::the English version is missing" in output
    row = next(line for line in output.splitlines() if line.startswith("docs/om.md "))
    assert "heading 2 differs: Danish has #, ##" in row and "English has #, ###" in row


def test_without_git_history_the_dates_are_unknown_and_nothing_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A source tarball (no .git) gives 'unknown' dates and exit status 0."""
    project = copy_project(tmp_path / "project")
    assert main(project) == 0
    output = capsys.readouterr().out
    row = next(line for line in output.splitlines() if line.startswith("docs/om.md "))
    assert row.split()[1:3] == ["da+en", "unknown"]
    assert "Git history is missing" in output


@pytest.mark.parametrize(("language", "expected"), [("da", "Alt er oversat."), ("en", "Everything is translated.")])
def test_the_marker_says_everything_is_translated(language: str, expected: str) -> None:
    """With nothing waiting, the marker renders one sentence in the page's language."""
    renderer = renderer_for(language, TranslationStatus([TwinStatus("page", "docs/om.md", {"da": "docs/om.md", "en": "docs/om.en.md"}, {"da": 1, "en": 1},
                                                                      {"da": START, "en": START})]))
    assert renderer.translation_status().count("<p>") == 1 and expected in renderer.translation_status()


def renderer_for(language: str, status: TranslationStatus) -> PageRenderer:
    """Return a renderer of the 'Bidrag' page that knows a given translation status."""
    overrides = PROJECT / "overrides"
    return PageRenderer(
        environment=partials_environment(overrides), data=load_site_data(PROJECT), language=language,
        t=load_strings(overrides, language), now=START, root="../", page_url="https://example.org/bidrag/",
        events_url="https://example.org/arrangementer/", translation_items=lambda t, base: waiting_view(status, t, base), edit_base="https://github.com/o/r/edit/main/",
    )


def test_the_site_lists_what_waits_for_translation_in_both_languages(edited_project: Path, tmp_path: Path) -> None:
    """A build of the edited history lists the English 'Om' page and FAQ answer, with their edit links, on each language's page."""
    result = build(edited_project, tmp_path / "site", pdfs=False)
    assert result.returncode == 0, result.output
    for path, sentence in (("om/", "Den engelske tekst er 12 dage ældre end den danske."), ("en/om/", "The English text is 12 days older than the Danish one.")):
        items = soup_of(result.site, path).select(".sv-translation-status li")
        texts = [" ".join(item.get_text(" ").split()) for item in items]
        assert len(items) == 2, texts
        assert texts[0].startswith("docs/om.en.md") and sentence in texts[0]
        assert items[0].a["href"] == "https://github.com/seniorpartnerskabet/seniorvaerktoejer/edit/main/docs/om.en.md"
        assert texts[1].startswith(f"data/faq.yml, {'linje' if path == 'om/' else 'line'} {ENGLISH_ANSWER_KEY_LINE}") and "3 " in texts[1]
        assert items[1].a["href"].endswith("/edit/main/data/faq.yml")


def test_twins_with_other_explicit_ids_are_named() -> None:
    """Headings at the same levels but with another `{ #id }` in English break links between the languages, so they are shown."""
    danish = markdown_headings("---\ntitle: x\n---\n\n# Om\n\n## Målet { #maalet }\n\n```\n# not a heading\n```\n")
    english = markdown_headings("# About\n\n## The aim { #aim }\n")
    assert [(heading.level, heading.line, heading.anchor) for heading in danish] == [(1, 5, ""), (2, 7, "maalet")]
    assert heading_mismatch(danish, english) == "heading 2 has the id { #maalet } in Danish but { #aim } in English"
    assert heading_mismatch(danish, markdown_headings("# About\n\n## The aim { #maalet }\n")) == ""
