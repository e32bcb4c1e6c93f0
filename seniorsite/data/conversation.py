"""The conversation template: preparation, themes and agreements from data/conversation.yml."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from seniorsite.data.data_files import EntryNamer, load_data_file
from seniorsite.data.yaml_source import line_of
from seniorsite.problems import Problem

CONVERSATION_NOUNS = {"preparation": "preparation", "themes": "theme", "questions": "question"}
ROLES = ("leder", "medarbejder")
ROWS_ANSWER = "agreements"  # the record's rows of what, who and by when: one question, in the agreements section
# The reader's saved file (schemas/conversation-file.schema.json): its format name and version.
FILE_FORMAT = "seniorvaerktoejer-samtale"
FILE_VERSION = 2


@dataclass(frozen=True)
class Question:
    """One question, with optional help, in each language; its id keys a saved answer."""

    id: str
    text: dict[str, str]
    help: dict[str, str] | None
    answer: str


@dataclass(frozen=True)
class Section:
    """A titled group of questions: one role's preparation, one theme, or the agreements."""

    id: str
    title: dict[str, str]
    intro: dict[str, str]
    questions: tuple[Question, ...]
    private: bool = False


@dataclass(frozen=True)
class Conversation:
    """The whole template, in the order it is held."""

    preparation: dict[str, Section]
    themes: tuple[Section, ...]
    agreements: Section

    def all_questions(self) -> list[Question]:
        """Return every question of the template, in order."""
        sections = [*self.preparation.values(), *self.themes, self.agreements]
        return [question for section in sections for question in section.questions]


def _question_paths(document: dict) -> list[list[str | int]]:
    """Return the path to every question in the document, in order."""
    paths: list[list[str | int]] = []
    for key in ("preparation", "themes"):
        for index, section in enumerate(document.get(key) or []):
            for number, _ in enumerate(section.get("questions") or [] if isinstance(section, dict) else []):
                paths.append([key, index, "questions", number])
    agreements = document.get("agreements")
    for number, _ in enumerate(agreements.get("questions") or [] if isinstance(agreements, dict) else []):
        paths.append(["agreements", "questions", number])
    return paths


def _node(document: Any, path: list[str | int]) -> Any:
    """Return the node at path."""
    for step in path:
        document = document[step]
    return document


def _structure_problems(document: dict, shown_as: str, namer: EntryNamer) -> list[Problem]:
    """Check that question ids are unique in the whole file and that the roles come in order."""
    problems, seen = [], {}
    for path in _question_paths(document):
        question = _node(document, path)
        question_id = question.get("id") if isinstance(question, dict) else None
        if not isinstance(question_id, str):
            continue
        line = line_of(document, [*path, "id"])
        entry = f'question "{question_id}"'
        if question_id in seen:
            problems.append(Problem(shown_as, line, f"'id' {question_id} is already used at line {seen[question_id]}; every question id must be unique, as saved answers are keyed by it", entry))
        else:
            seen[question_id] = line
        if question.get("answer") == ROWS_ANSWER and path[0] != "agreements":
            problems.append(Problem(shown_as, line_of(document, [*path, "answer"]), f"'answer' {ROWS_ANSWER} belongs only to a question under 'agreements', where the record's rows are", entry))
    rows_questions = [path for path in _question_paths(document) if path[0] == "agreements" and isinstance(_node(document, path), dict)
                      and _node(document, path).get("answer") == ROWS_ANSWER]
    for path in rows_questions[1:]:
        problems.append(Problem(shown_as, line_of(document, [*path, "answer"]), f"only one question can have 'answer' {ROWS_ANSWER}; the record has one set of rows (what, who, by when)", f'question "{_node(document, path).get("id")}"'))
    roles = [section.get("role") for section in document.get("preparation") or [] if isinstance(section, dict)]
    if len(roles) == len(ROLES) and tuple(roles) != ROLES:
        problems.append(Problem(shown_as, line_of(document, ["preparation"]), f"'role' must be {ROLES[0]} in the first preparation and {ROLES[1]} in the second", "preparation"))
    theme_ids = [theme.get("id") for theme in document.get("themes") or [] if isinstance(theme, dict)]
    for index, theme_id in enumerate(theme_ids):
        if theme_id in theme_ids[:index]:
            problems.append(Problem(shown_as, line_of(document, ["themes", index, "id"]), f"'id' {theme_id} is already used by another theme; every id must be unique", namer(["themes", index])))
    return problems


def _question(entry: dict) -> Question:
    """Build a Question from a checked entry."""
    help_text = entry.get("help")
    return Question(entry["id"], dict(entry["text"]), dict(help_text) if help_text else None, entry.get("answer", "long"))


def _section(section_id: str, entry: dict) -> Section:
    """Build a Section from a checked entry."""
    questions = tuple(_question(q) for q in entry["questions"])
    return Section(section_id, dict(entry["title"]), dict(entry["intro"]), questions, bool(entry.get("private", False)))


def load_conversation(path: Path, shown_as: str, schema_dir: Path) -> tuple[Conversation | None, list[Problem]]:
    """Load and check the conversation template; return it (None when it has problems) and every problem."""
    document, namer, problems = load_data_file(path, shown_as, schema_dir, "conversation.schema.json", CONVERSATION_NOUNS)
    if not isinstance(document, dict):
        return None, problems
    problems += _structure_problems(document, shown_as, namer)
    if problems:
        return None, problems
    preparation = {entry["role"]: _section(entry["role"], entry) for entry in document["preparation"]}
    themes = tuple(_section(theme["id"], theme) for theme in document["themes"])
    return Conversation(preparation, themes, _section("aftaler", document["agreements"])), []
