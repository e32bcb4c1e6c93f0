"""The senior-policy builder: its parts, questions and the sentences answers become, from data/policy.yml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from seniorsite.data.data_files import EntryNamer, unsafe_text_problems
from seniorsite.data.translations import page_twin
from seniorsite.data.validation import schema_problems, validator_for
from seniorsite.data.yaml_source import line_of, read_yaml
from seniorsite.languages import LANGUAGE_NAMES, LANGUAGES
from seniorsite.problems import ContentError, Problem

POLICY_NOUNS = {"parts": "part", "questions": "question", "options": "option", "links": "link"}
TEXT_KINDS = ("short", "long", "number")  # an answer typed by the reader, written into its question's sentence
CHOICE_KINDS = ("choice", "choices")  # one or any of the options, each with its own sentence
ANSWER = "{answer}"
BRACED = re.compile(r"\{[^{}]*\}")
LINK_PAGE = re.compile(r"[a-z0-9-]+(/[a-z0-9-]+)*\.md(#[a-z0-9-]+)?")  # as schemas/policy.schema.json has it
# The reader's saved file (schemas/policy-file.schema.json): its format name and version.
FILE_FORMAT = "seniorvaerktoejer-seniorpolitik"
FILE_VERSION = 1


@dataclass(frozen=True)
class Option:
    """One option of a choice question: the sentence the draft gets when it is chosen, and an optional short name for the form."""

    id: str
    label: dict[str, str] | None
    draft: dict[str, str]


@dataclass(frozen=True)
class Question:
    """One question: its kind, label and help, and the sentence its answer becomes (or its options' sentences)."""

    id: str
    kind: str
    label: dict[str, str]
    help: dict[str, str] | None
    draft: dict[str, str] | None
    options: tuple[Option, ...]


@dataclass(frozen=True)
class Link:
    """A handbook page where a part's rules stand, by its Danish source path and optional heading id."""

    page: str
    anchor: str
    text: dict[str, str]

    @property
    def path(self) -> str:
        """Return the page's address below its language's root, like arbejdshaandbog/rammeaftalen/#ordningerne."""
        stem = self.page.removesuffix(".md")
        folder = stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/"
        return folder + (f"#{self.anchor}" if self.anchor else "")


@dataclass(frozen=True)
class Part:
    """One part of the policy: its title, its help, where the rules stand, and its questions."""

    id: str
    title: dict[str, str]
    intro: dict[str, str]
    links: tuple[Link, ...]
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Policy:
    """The whole builder, its parts in the handbook's order."""

    parts: tuple[Part, ...]

    def all_questions(self) -> list[Question]:
        """Return every question of every part, in order."""
        return [question for part in self.parts for question in part.questions]


class PolicyNamer(EntryNamer):
    """Names every entry on a path, like `part "maal", question "maal-kort", option "fastholde"`."""

    def __call__(self, path: list[str | int]) -> str:
        """Return the names of the entries a path runs through, outermost first."""
        names, node = [], self.document
        for key, index in zip(path, path[1:], strict=False):
            try:
                node = node[key]
            except (KeyError, IndexError, TypeError):
                break
            if key not in self.nouns or not isinstance(index, int):
                continue
            entry = node[index] if isinstance(node, list) and index < len(node) else None
            entry_id = entry.get("id") if isinstance(entry, dict) else None
            noun = self.nouns[str(key)]
            names.append(f'{noun} "{entry_id}"' if isinstance(entry_id, str) and entry_id else f"{noun} number {index + 1}")
        return ", ".join(names)


def _entries(node: Any, key: str) -> list[tuple[int, dict]]:
    """Return the index and value of each mapping in a list under key (nothing when the list is missing or wrong)."""
    items = node.get(key) if isinstance(node, dict) else None
    return [(index, item) for index, item in enumerate(items) if isinstance(item, dict)] if isinstance(items, list) else []


def _template_problems(texts: Any, path: list[str | int], needs_answer: bool, document: Any, shown_as: str, namer: PolicyNamer) -> list[Problem]:
    """Check a draft sentence in each language: {answer} where it is needed, never where it is not, and no other braces."""
    problems = []
    for language, text in texts.items() if isinstance(texts, dict) else []:
        if not isinstance(text, str):
            continue
        where = [*path, language]
        field = f"draft.{language}"
        name = LANGUAGE_NAMES.get(language, language)
        others = [braced for braced in BRACED.findall(text) if braced != ANSWER]
        if others:
            problems.append(Problem(shown_as, line_of(document, where), f"'{field}' has {others[0]}; the only word in braces a sentence may hold is {ANSWER}", namer(where)))
        elif needs_answer and ANSWER not in text:
            problems.append(Problem(shown_as, line_of(document, where), f"the {name} sentence '{field}' has no {ANSWER}; write {ANSWER} where the reader's answer goes", namer(where)))
        elif not needs_answer and ANSWER in text:
            problems.append(Problem(shown_as, line_of(document, where), f"the {name} sentence '{field}' of an option cannot hold {ANSWER}; write the whole sentence the option stands for", namer(where)))
    return problems


def _question_problems(question: dict, path: list[str | int], document: Any, shown_as: str, namer: PolicyNamer) -> list[Problem]:
    """Check what a question's kind needs: a sentence with {answer} for a typed answer, options for a choice."""
    kind = question.get("kind")
    line = line_of(document, [*path, "kind"])
    entry = namer([*path, "kind"])
    if kind in TEXT_KINDS:
        problems = [] if "draft" in question else [Problem(shown_as, line, f"'draft' is missing; a {kind} question needs the sentence its answer becomes, with {ANSWER} in it", entry)]
        if "options" in question:
            problems.append(Problem(shown_as, line_of(document, [*path, "options"]), f"'options' are only for choice and choices questions; this one is {kind}", entry))
        return problems + _template_problems(question.get("draft"), [*path, "draft"], True, document, shown_as, namer)
    if kind not in CHOICE_KINDS:
        return []  # the schema has said which kinds there are
    problems = [] if "options" in question else [Problem(shown_as, line, f"'options' is missing; a {kind} question needs options to choose from, each with its own sentence", entry)]
    if "draft" in question:
        problems.append(Problem(shown_as, line_of(document, [*path, "draft"]), f"'draft' is only for short, long and number questions; a {kind} question's sentences are in its options", entry))
    seen: dict[str, int] = {}
    for number, option in _entries(question, "options"):
        option_path = [*path, "options", number]
        problems += _template_problems(option.get("draft"), [*option_path, "draft"], False, document, shown_as, namer)
        option_id = option.get("id")
        if not isinstance(option_id, str):
            continue
        option_line = line_of(document, [*option_path, "id"])
        if option_id in seen:
            problems.append(Problem(shown_as, option_line, f"'id' {option_id} is already used by another option of this question at line {seen[option_id]}; a saved file names the chosen options by id", namer(option_path)))
        else:
            seen[option_id] = option_line
    return problems


def _link_problems(link: dict, path: list[str | int], docs_dir: Path, document: Any, shown_as: str, namer: PolicyNamer) -> list[Problem]:
    """Check that a link's page exists in every language and holds the heading id it names."""
    page = link.get("page")
    if not isinstance(page, str) or not LINK_PAGE.fullmatch(page):
        return []  # the schema has worded it
    source, _, anchor = page.partition("#")
    where = [*path, "page"]
    for language in LANGUAGES:
        twin = page_twin(docs_dir / source, language)
        shown = f"docs/{twin.relative_to(docs_dir).as_posix()}"
        if not twin.is_file():
            return [Problem(shown_as, line_of(document, where), f"'page' names {source}, but {shown} does not exist", namer(where))]
        if anchor and not re.search(rf"\{{[^}}]*#{re.escape(anchor)}(?=[\s}}])", twin.read_text(encoding="utf-8")):
            return [Problem(shown_as, line_of(document, where), f"'page' names the heading #{anchor}, but {shown} has no heading marked {{ #{anchor} }}", namer(where))]
    return []


def _structure_problems(document: Any, shown_as: str, namer: PolicyNamer, docs_dir: Path) -> list[Problem]:
    """Check what the schema cannot: unique ids, each question's kind and sentences, and the links' pages."""
    problems: list[Problem] = []
    parts_seen: dict[str, int] = {}
    questions_seen: dict[str, int] = {}
    for index, part in _entries(document, "parts"):
        part_path: list[str | int] = ["parts", index]
        part_id = part.get("id")
        if isinstance(part_id, str):
            line = line_of(document, [*part_path, "id"])
            if part_id in parts_seen:
                problems.append(Problem(shown_as, line, f"'id' {part_id} is already used by another part at line {parts_seen[part_id]}; every part id must be unique", namer(part_path)))
            else:
                parts_seen[part_id] = line
        for number, link in _entries(part, "links") if docs_dir.is_dir() else []:  # without docs/ (a data-only check) no page to look in
            problems += _link_problems(link, [*part_path, "links", number], docs_dir, document, shown_as, namer)
        for number, question in _entries(part, "questions"):
            question_path = [*part_path, "questions", number]
            problems += _question_problems(question, question_path, document, shown_as, namer)
            question_id = question.get("id")
            if not isinstance(question_id, str):
                continue
            line = line_of(document, [*question_path, "id"])
            if question_id in questions_seen:
                problems.append(Problem(shown_as, line, f"'id' {question_id} is already used at line {questions_seen[question_id]}; every question id must be unique in the file, as saved answers are keyed by it", namer(question_path)))
            else:
                questions_seen[question_id] = line
    return problems


def _question(entry: dict) -> Question:
    """Build a Question from a checked entry."""
    options = tuple(Option(option["id"], dict(option["label"]) if option.get("label") else None, dict(option["draft"])) for option in entry.get("options") or [])
    help_text, draft = entry.get("help"), entry.get("draft")
    return Question(entry["id"], entry["kind"], dict(entry["label"]), dict(help_text) if help_text else None, dict(draft) if draft else None, options)


def _part(entry: dict) -> Part:
    """Build a Part from a checked entry."""
    links = tuple(Link(link["page"].partition("#")[0], link["page"].partition("#")[2], dict(link["text"])) for link in entry.get("links") or [])
    return Part(entry["id"], dict(entry["title"]), dict(entry["intro"]), links, tuple(_question(question) for question in entry["questions"]))


def load_policy(path: Path, shown_as: str, schema_dir: Path, docs_dir: Path) -> tuple[Policy | None, list[Problem]]:
    """Load and check the builder's parts and questions; return them (None when they have problems) and every problem."""
    if not path.is_file():
        return None, [Problem(shown_as, 0, "the file is missing")]
    try:
        document = read_yaml(path, shown_as)
    except ContentError as error:
        return None, list(error.problems)
    namer = PolicyNamer(document, POLICY_NOUNS)
    problems = schema_problems(document, validator_for(schema_dir, "policy.schema.json"), shown_as, namer)
    problems += unsafe_text_problems(document, shown_as, namer)
    if not isinstance(document, dict):
        return None, problems
    problems += _structure_problems(document, shown_as, namer, docs_dir)
    if problems:
        return None, problems
    return Policy(tuple(_part(part) for part in document["parts"])), []
