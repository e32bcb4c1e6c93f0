"""The text a spell check reads, per language, with every other line blanked so line numbers stay the file's own."""

from __future__ import annotations

import re
from pathlib import Path

from seniorsite.data.page_check import CODE_SPAN, FENCE, front_matter_end
from seniorsite.data.placeholders import PLACEHOLDER
from seniorsite.editing.data_texts import TRANSLATED_DATA_FILES, translated_fields

# Front matter keys whose values are prose; the others hold ids (solution, themes …) the check skips.
PROSE_KEYS = ("title", "description")
# What is not prose: HTML comments (markers), attribute lists `{ #id }`, link targets, addresses, tags.
NOT_PROSE = [
    re.compile(r"<!--.*?-->"),
    PLACEHOLDER,  # {{ kommune }}: a field's id, not a word
    re.compile(r"\{[:#.][^}]*\}|\{\s+[#.][^}]*\}"),
    re.compile(r"\]\([^)]*\)"),
    re.compile(r"\b(?:https?://|www\.)\S+"),
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    re.compile(r"\b[\w-]+\.(?:dk|eu|com|org|net)\b"),  # a bare domain like vpt.dk
    re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*[\w-]+"),  # an admonition's kind: !!! example "Eksempel"
    re.compile(r"\b[\w-]+(?:/[\w.-]+)+\.(?:md|yml|html|pdf|ics|zip)\b|\b[\w-]+\.(?:md|yml|html|pdf|ics|zip)\b"),
    re.compile(r"<[^>]+>"),
]


def _other_language_spans(language: str) -> re.Pattern[str]:
    """Match words marked as another language: <span lang="da">…</span> or *…*{ lang=da } in an English text."""
    return re.compile(rf'<span lang="(?!{language}")[^"]*">.*?</span>|(\*{{1,2}}|_)[^*_]+?\1\{{\s*lang="?(?!{language}\b)[\w-]+"?\s*\}}')


def prose(line: str, language: str) -> str:
    """Return a line of Markdown with everything that is not prose in the language replaced by spaces."""
    line = CODE_SPAN.sub(lambda match: " " * len(match.group(0)), line)
    for pattern in [_other_language_spans(language), *NOT_PROSE]:
        line = pattern.sub(lambda match: " " * len(match.group(0)), line)
    return line


def page_prose(text: str, language: str) -> str:
    """Return a page's prose line for line: front matter keys, ids, code and addresses blanked."""
    lines = text.splitlines()
    front_end = front_matter_end(lines)
    kept, fenced = [], False
    for index, line in enumerate(lines):
        if front_end and index <= front_end:
            key, _, value = line.partition(":")
            kept.append(prose(value, language) if key.strip() in PROSE_KEYS else "")
        elif FENCE.match(line):
            fenced = not fenced
            kept.append("")
        else:
            kept.append("" if fenced else prose(line, language))
    return "\n".join(kept) + "\n"


def data_prose(project_dir: Path, data_file: str, language: str) -> str:
    """Return one language's texts of a data file, each at its own lines, every other line blank."""
    lines = [""] * len((project_dir / data_file).read_text(encoding="utf-8-sig").splitlines())
    for translated in translated_fields(project_dir, data_file):
        text = translated.texts.get(language)
        if text is None:
            continue
        start = text.first_line + 1 if text.block else text.first_line
        for offset, value_line in enumerate(text.text.splitlines()):
            index = min(start + offset, text.last_line) - 1
            lines[index] = f"{lines[index]} {prose(value_line, language)}".strip()
    return "\n".join(lines) + "\n"


def prose_by_language(project_dir: Path, languages: tuple[str, ...], docs_dir: str = "docs") -> dict[str, dict[str, str]]:
    """Return, for each language, every page and data file's prose in it, keyed by the file's path in the project."""
    english_suffixes = tuple(f".{language}.md" for language in languages[1:])
    texts: dict[str, dict[str, str]] = {language: {} for language in languages}
    for page in sorted((project_dir / docs_dir).rglob("*.md")):
        language = next((lang for lang in languages[1:] if page.name.endswith(f".{lang}.md")), languages[0]) if page.name.endswith(english_suffixes) else languages[0]
        texts[language][page.relative_to(project_dir).as_posix()] = page_prose(page.read_text(encoding="utf-8"), language)
    for data_file in TRANSLATED_DATA_FILES:
        for language in languages:
            texts[language][data_file] = data_prose(project_dir, data_file, language)
    return texts
