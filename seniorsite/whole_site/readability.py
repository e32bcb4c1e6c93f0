"""Readability of the built pages: LIX for Danish (and the same figure for English, for comparison)."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from seniorsite.languages import DEFAULT_LANGUAGE, LANGUAGES, language_prefix

# LIX counts a word as long above six letters; a sentence ends at . : ! ? or at the end of a block.
LONG_WORD = 6
WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*|\d+(?:[.,]\d+)*")
SENTENCE_END = re.compile(r"[.:!?]+(?=\s|$)")
BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "summary", "figcaption")
NOT_TEXT = (".headerlink", "script", "style", ".sv-filter", ".md-source-file", ".md-content__button", ".sv-copy")
DANISH_PAGE_LIMIT = 50.0
DANISH_AVERAGE_LIMIT = 40.0


@dataclass(frozen=True)
class Readability:
    """One page's LIX and the counts it comes from."""

    path: str
    words: int
    sentences: int
    long_words: int

    @property
    def lix(self) -> float:
        """Return LIX: words per sentence plus the percentage of long words."""
        return self.words / max(self.sentences, 1) + 100 * self.long_words / max(self.words, 1)


def lix_of_text(text: str, path: str = "") -> Readability:
    """Count words, sentences and long words in plain text, one block per line."""
    words = WORD.findall(text)
    sentences = sum(max(1, len(SENTENCE_END.findall(line))) for line in text.splitlines() if WORD.search(line))
    return Readability(path, len(words), sentences, sum(1 for word in words if len(word) > LONG_WORD))


def page_text(html: str) -> str:
    """Return the readable text of a built page's article, one block (paragraph, item, cell) per line."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article") or soup
    for element in article.select(", ".join(NOT_TEXT)):
        element.decompose()
    lines = []
    for block in article.find_all(BLOCKS):
        if block.find(BLOCKS):
            # A list item or cell that holds blocks: its own text up to the first inner block.
            own = "".join(str(child) for child in block.find_all(string=True, recursive=False))
            text = " ".join(own.split())
        else:
            text = " ".join(block.get_text(" ").split())
        if text:
            lines.append(text)
    return "\n".join(lines)


def site_readability(site: Path, language: str) -> list[Readability]:
    """Return the LIX of every page of one language in a built site (404 pages left out)."""
    prefix = language_prefix(language)
    others = [language_prefix(other) for other in LANGUAGES if other != language and language_prefix(other)]
    results = []
    for file in sorted((site / prefix).rglob("index.html")):
        path = file.parent.relative_to(site).as_posix() + "/"
        path = "" if path == "./" else path
        if any(path.startswith(other) for other in others) or path.startswith(("search/", "assets/")):
            continue
        results.append(lix_of_text(page_text(file.read_text(encoding="utf-8")), path))
    return results


def report(site: Path) -> int:
    """Print every page's LIX per language; return 1 when a Danish page or the average is over the limit."""
    failed = False
    for language in LANGUAGES:
        results = site_readability(site, language)
        print(f"\n{language}: LIX per page (words)")
        for result in results:
            flag = "  over the limit" if language == DEFAULT_LANGUAGE and result.lix > DANISH_PAGE_LIMIT else ""
            print(f"  {result.lix:5.1f}  {result.words:5d}  /{result.path}{flag}")
            failed |= bool(flag)
        average = sum(r.lix for r in results) / max(len(results), 1)
        print(f"  average {average:.1f} over {len(results)} pages, {sum(r.words for r in results)} words")
        if language == DEFAULT_LANGUAGE and average > DANISH_AVERAGE_LIMIT:
            print(f"  the Danish average is over {DANISH_AVERAGE_LIMIT}")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(report(Path(sys.argv[1] if len(sys.argv) > 1 else "site")))
