"""Write a language's Word and OpenDocument files from its rendered pages, and offer each under its text's heading."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path

from jinja2 import Environment

from seniorsite.outputs.word.convert import WordFacts, WordJob, write_word_files
from seniorsite.outputs.word.texts import (
    CHECKLIST,
    CHECKLISTS,
    HANDOUTS,
    PAGE,
    POSTER,
    SHELL,
    RenderedPage,
    WordText,
    text_html,
    texts_with_pages,
)
from seniorsite.page.file_sizes import size_text
from seniorsite.problems import ContentError, Problem
from seniorsite.strings import Translate

WORD_FOLDER = "dokumenter"
DOWNLOAD_TEMPLATE = "partials/word/download.html"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT_TYPE = "application/vnd.oasis.opendocument.text"
# "Hent tjeklisten som", "Hent alle håndbogens tjeklister som", "Hent plakaten som", "Hent hele siden som", "Hent alle arkene som";
# else "Hent teksten som"
LEADS = {CHECKLIST: "word.download_checklist", CHECKLISTS: "word.download_all", POSTER: "word.download_poster", PAGE: "word.download_page",
         HANDOUTS: "word.download_handouts"}
UNDER_THE_LIST = (CHECKLIST, CHECKLISTS)  # offered under the checklist itself, not between its heading and its items
LIST_TAG = re.compile(r"<(/?)(ul|ol)\b[^>]*>")


def write_texts(pages: Mapping[str, RenderedPage], nav_order: Sequence[str], language: str, t: Translate, site_url: str,
                moment: datetime, site_dir: Path) -> dict[str, tuple[WordText, WordFacts]]:
    """Write every text of one language into site_dir/dokumenter/; return each text and its files' facts by key."""
    jobs, problems = [], []
    texts = texts_with_pages(nav_order)
    for text in texts:
        found = text_html(text, pages, site_url, t)
        if found is None and text.shape == CHECKLIST:
            continue  # a handbook chapter without a checklist has no file of its own
        if found is None:
            where = f"docs/{text.pages[0]}" if text.pages else "mkdocs.yml (nav)"
            problems.append(Problem(where, 0, f"the Word file '{text.file_stem(language)}' is cut from the section '#{text.section or text.shape}', which is missing"))
            continue
        title, html = found
        jobs.append((text, WordJob(html=html, title=title, language=language, stem=site_dir / WORD_FOLDER / text.file_stem(language))))
    if problems:
        raise ContentError(problems)
    (site_dir / WORD_FOLDER).mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as workdir:
        facts = write_word_files([job for _, job in jobs], moment, Path(workdir))
    return {text.key: (text, fact) for (text, _), fact in zip(jobs, facts, strict=True)}


def download_links(text: WordText, facts: WordFacts, heading_id: str, root: str, language: str, t: Translate, environment: Environment) -> str:
    """Return the line that offers one text as Word and OpenDocument, with each file's size."""
    return environment.get_template(DOWNLOAD_TEMPLATE).render(
        lead=t(LEADS.get(text.shape, "word.download")), t=t, heading=heading_id,
        docx=f"{root}{WORD_FOLDER}/{facts.docx_name}", docx_type=DOCX_TYPE, docx_size=size_text(facts.docx_size, language),
        odt=f"{root}{WORD_FOLDER}/{facts.odt_name}", odt_type=ODT_TYPE, odt_size=size_text(facts.odt_size, language),
    )


def end_of_list(html: str, start: int) -> int:
    """Return where the first list after start ends (after its closing tag, nested lists inside it), or start when there is none."""
    depth = 0
    for tag in LIST_TAG.finditer(html, start):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return tag.end()
    return start


def with_word_downloads(output: str, page_source: str, written: Mapping[str, tuple[WordText, WordFacts]], root: str, language: str,
                        t: Translate, environment: Environment) -> str:
    """Return a written page with each of its texts' files offered under the text's heading (the poster's under its title, a checklist's under its items)."""
    # Each line goes in right after its place, before any line put there earlier: the chapter's own checklist comes
    # after the combined one here, so that the page shows it first.
    for text, facts in sorted(written.values(), key=lambda found: found[0].shape == CHECKLIST):
        if page_source not in text.pages or text.shape == SHELL:
            continue  # a shell is fetched by its form's script, filled with the reader's answers, never offered empty
        links = download_links(text, facts, text.section, root, language, t, environment)
        heading = re.compile(rf'<h([23]) id="{re.escape(text.section)}"[^>]*>.*?</h\1>' if text.section else r"</h1>", re.S)
        found = heading.search(output)
        if found:
            place = end_of_list(output, found.end()) if text.shape in UNDER_THE_LIST else found.end()
            output = output[:place] + links + output[place:]
    return output
