"""The spell check (make spelling): Danish and English, pages and data, with the project's word list."""

from __future__ import annotations

import shutil
from pathlib import Path

from seniorsite.editing.spelling import CSPELL_CONFIG, PROJECT_WORDS, Misspelling, misspellings
from tests.helpers import PROJECT, copy_project

MADE_UP_NAME = "Zqxborg"


def spelling_project(target: Path) -> Path:
    """Copy what the spell check reads: pages, data, its configuration, the word list and the installed cspell."""
    project = copy_project(target)
    (project / CSPELL_CONFIG).parent.mkdir()
    shutil.copy2(PROJECT / CSPELL_CONFIG, project / CSPELL_CONFIG)
    shutil.copy2(PROJECT / PROJECT_WORDS, project / PROJECT_WORDS)
    (project / "node_modules").symlink_to(PROJECT / "node_modules")
    return project


def replace_in(path: Path, old: str, new: str) -> None:
    """Change one text in a file, as an editor's slip would."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_real_pages_and_data_have_no_unknown_word() -> None:
    """Every word of every page and data text is Danish, English or in project-words.txt, as its language says."""
    found = misspellings(PROJECT)
    assert found == [], "\n".join(str(misspelling) for misspelling in found)


def line_with(path: Path, text: str) -> int:
    """Return the number of the first line of a file that holds text."""
    return next(number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if text in line)


def test_misspelt_words_are_named_with_file_line_and_suggestions(tmp_path: Path) -> None:
    """A Danish typo in a page and an English typo in a data text are each found where they are; a listed name is not."""
    project = spelling_project(tmp_path / "project")
    about, faq = project / "docs" / "om.md", project / "data" / "faq.yml"
    replace_in(about, "af de kommunale medarbejdere er over 55", "af de kommunale medarbejdre er over 55")
    replace_in(faq, "en: Which senior arrangements can we use?", "en: Which senior arrangemetns can we use?")
    replace_in(about, "43 kommuner var med.", f"43 kommuner var med, også {MADE_UP_NAME}.")
    danish_line, english_line, name_line = line_with(about, "medarbejdre"), line_with(faq, "arrangemetns"), line_with(about, MADE_UP_NAME)
    found = {(m.file, m.line, m.word, m.language): m for m in misspellings(project)}
    danish = found[("docs/om.md", danish_line, "medarbejdre", "da")]
    assert "medarbejder" in danish.suggestions or "medarbejdere" in danish.suggestions
    english = found[("data/faq.yml", english_line, "arrangemetns", "en")]
    assert english.suggestions and all(suggestion.replace("'", "").isalpha() for suggestion in english.suggestions)
    assert ("docs/om.md", name_line, MADE_UP_NAME, "da") in found
    with (project / PROJECT_WORDS).open("a", encoding="utf-8") as words:
        words.write(f"{MADE_UP_NAME}\n")
    after = {(m.file, m.line, m.word) for m in misspellings(project)}
    assert after == {("docs/om.md", danish_line, "medarbejdre"), ("data/faq.yml", english_line, "arrangemetns")}


def test_a_misspelling_tells_the_editor_what_to_do() -> None:
    """The message names file, line and word, says which language, suggests words and points to the word list."""
    message = str(Misspelling("docs/arbejdshaandbog/roller.md", 14, "medarbejdre", "da", ("medarbejdere", "medarbejder")))
    assert message == ('docs/arbejdshaandbog/roller.md:14: "medarbejdre" is not a Danish word; did you mean: medarbejdere, medarbejder? '
                       "(a name or term: add it to project-words.txt)")
    assert str(Misspelling("data/faq.yml", 65, "dattes", "en")).startswith('data/faq.yml:65: "dattes" is not an English word (a name')
