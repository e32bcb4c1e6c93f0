"""A file's size as readers expect it, in the page's language: '310 kB', '1,2 MB' or '1.2 MB'."""

from __future__ import annotations

from babel.numbers import format_decimal


def size_wording(size: int, language: str) -> str:
    """Return a size in bytes as megabytes with one decimal, in the language's way: '4,2 MB' or '4.2 MB'."""
    return f"{format_decimal(size / 1_000_000, format='#,##0.0', locale=language)} MB"  # the locale's decimal mark, as the dates use


def size_text(size: int, language: str) -> str:
    """Return a size in kilobytes below a megabyte ('310 kB'), otherwise in megabytes."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} kB"
    return size_wording(size, language)
