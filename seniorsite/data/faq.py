"""The FAQ: topics and questions from data/faq.yml, checked and grouped for the FAQ page."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from seniorsite.data.data_files import EntryNamer, duplicate_id_problems, load_data_file
from seniorsite.data.yaml_source import line_of
from seniorsite.problems import Problem

FAQ_NOUNS = {"topics": "topic", "questions": "question"}


@dataclass(frozen=True)
class Topic:
    """A group of questions, with its title in each language."""

    id: str
    title: dict[str, str]


@dataclass(frozen=True)
class Question:
    """One question and its Markdown answer, in each language."""

    id: str
    topic: str
    question: dict[str, str]
    answer: dict[str, str]


@dataclass(frozen=True)
class Faq:
    """All topics and questions, in the order the editors wrote them."""

    topics: tuple[Topic, ...]
    questions: tuple[Question, ...]

    def grouped(self) -> list[tuple[Topic, list[Question]]]:
        """Return each topic with its questions, topics in their written order."""
        return [(topic, [q for q in self.questions if q.topic == topic.id]) for topic in self.topics]


def _topic_problems(document: dict, shown_as: str, namer: EntryNamer) -> list[Problem]:
    """Check that every question names a known topic and every topic has a question."""
    topics = [t for t in document.get("topics") or [] if isinstance(t, dict)]
    questions = document.get("questions") or []
    topic_ids = [t["id"] for t in topics if isinstance(t.get("id"), str)]
    problems = []
    for index, entry in enumerate(questions):
        topic = entry.get("topic") if isinstance(entry, dict) else None
        if isinstance(topic, str) and topic not in topic_ids:
            problems.append(Problem(shown_as, line_of(document, ["questions", index, "topic"]), f"'topic' {topic} is not one of the topics: {', '.join(topic_ids)}", namer(["questions", index])))
    used = {entry.get("topic") for entry in questions if isinstance(entry, dict)}
    for index, topic in enumerate(document.get("topics") or []):
        if isinstance(topic, dict) and isinstance(topic.get("id"), str) and topic["id"] not in used:
            problems.append(Problem(shown_as, line_of(document, ["topics", index]), "this topic has no questions; add one or remove the topic", namer(["topics", index])))
    return problems


def load_faq(path: Path, shown_as: str, schema_dir: Path) -> tuple[Faq | None, list[Problem]]:
    """Load and check the FAQ file; return the FAQ (None when it has problems) and every problem."""
    document, namer, problems = load_data_file(path, shown_as, schema_dir, "faq.schema.json", FAQ_NOUNS)
    if not isinstance(document, dict):
        return None, problems
    problems += duplicate_id_problems(document, "topics", shown_as, namer)
    problems += duplicate_id_problems(document, "questions", shown_as, namer)
    problems += _topic_problems(document, shown_as, namer)
    if problems:
        return None, problems
    topics = tuple(Topic(t["id"], dict(t["title"])) for t in document["topics"])
    questions = tuple(Question(q["id"], q["topic"], dict(q["question"]), dict(q["answer"])) for q in document["questions"])
    return Faq(topics, questions), []
