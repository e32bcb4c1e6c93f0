"""Which pages make up each PDF: one book per tool and one for the whole toolkit, in reading order."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from seniorsite.data.catalogue import entry_slug

PDF_FOLDER = "pdf"
FILE_PREFIX = "seniorvaerktoejer"
# The four tools, each a folder of docs/, in the order the site presents them.
TOOL_FOLDERS = ("arbejdshaandbog", "samtaleskabelon", "inspiration", "kommunikation")
WHOLE_TOOLKIT = "samlet"
EXAMPLE_PREFIX = "eksempel"  # one catalogue example alone: seniorvaerktoejer-eksempel-<slug>-da.pdf
# Screen-only pages: the fill-in form (the template's PDF has room to write instead), the senior-policy builder (its draft
# prints on its own) and the tag index.
SCREEN_ONLY = ("samtaleskabelon/formular.md", "arbejdshaandbog/seniorpolitik.md", "inspiration/emner.md")


@dataclass(frozen=True)
class Chapter:
    """One page as it enters a book: its language-neutral source, title, address and HTML."""

    source: str
    title: str
    url: str
    html: str


@dataclass(frozen=True)
class Part:
    """One tool inside a book, with its chapters in reading order."""

    tool: str
    chapters: tuple[Chapter, ...]


@dataclass(frozen=True)
class Book:
    """One PDF: its key, its parts (one for a tool's book, four for the whole toolkit, one of one chapter for an example) and its language."""

    key: str
    language: str
    parts: tuple[Part, ...]
    example: bool = False  # one catalogue example alone: a compact head instead of the cover and the contents

    @property
    def file_name(self) -> str:
        """Return the PDF's file name, naming the tool and the language."""
        return f"{FILE_PREFIX}-{self.key}-{self.language}.pdf"

    @property
    def chapters(self) -> tuple[Chapter, ...]:
        """Return every chapter of the book in order."""
        return tuple(chapter for part in self.parts for chapter in part.chapters)


def neutral_source(src_uri: str, language: str, default_language: str) -> str:
    """Return a page's source path without its language suffix (`roller.en.md` becomes `roller.md`)."""
    if language == default_language:
        return src_uri
    return src_uri.removesuffix(f".{language}.md") + ".md"


def nav_sources(nav: Iterable[object]) -> list[str]:
    """Flatten mkdocs.yml's nav into its page sources, in order."""
    found: list[str] = []
    for item in nav:
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                found.extend(nav_sources([value] if isinstance(value, str) else value))
        elif isinstance(item, list):
            found.extend(nav_sources(item))
    return found


def tool_folder(path: str) -> str | None:
    """Return the tool whose folder a page's source or address lies in, or None."""
    folder = path.split("/", 1)[0]
    return folder if "/" in path and folder in TOOL_FOLDERS else None


def tool_of(source: str) -> str | None:
    """Return the tool whose book a page enters, or None for a page outside the tools or shown on screen only."""
    return None if source in SCREEN_ONLY else tool_folder(source)


def tool_parts(chapters: Iterable[Chapter], nav_order: Sequence[str]) -> tuple[Part, ...]:
    """Group chapters by tool: pages in the nav in nav order, then the others (catalogue examples) by title."""
    position = {source: index for index, source in enumerate(nav_order)}
    by_tool: dict[str, list[Chapter]] = {tool: [] for tool in TOOL_FOLDERS}
    for chapter in chapters:
        tool = tool_of(chapter.source)
        if tool:
            by_tool[tool].append(chapter)
    return tuple(
        Part(tool, tuple(sorted(found, key=lambda c: (position.get(c.source, len(position)), c.title.casefold()))))
        for tool, found in by_tool.items()
        if found
    )


def books_for(chapters: Iterable[Chapter], nav_order: Sequence[str], language: str) -> tuple[Book, ...]:
    """Return the language's books: one per tool, then the whole toolkit."""
    parts = tool_parts(chapters, nav_order)
    return (*(Book(part.tool, language, (part,)) for part in parts), Book(WHOLE_TOOLKIT, language, parts))


def example_key(slug: str) -> str:
    """Return the key of one catalogue example's own PDF ('eksempel-mentor-i-loenafdelingen')."""
    return f"{EXAMPLE_PREFIX}-{slug}"


def example_books(chapters: Iterable[Chapter], language: str) -> tuple[Book, ...]:
    """Return one book of one chapter for each catalogue example of the language, by title."""
    found = sorted((chapter for chapter in chapters if entry_slug(chapter.source)), key=lambda chapter: chapter.title.casefold())
    return tuple(Book(example_key(entry_slug(chapter.source) or ""), language, (Part(tool_folder(chapter.source) or "", (chapter,)),), example=True)
                 for chapter in found)
