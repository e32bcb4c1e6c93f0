"""Write event times the way each language writes them (14. september 2023 kl. 13.00–14.30)."""

from __future__ import annotations

from datetime import date, datetime, time

from babel.dates import format_date, format_time

from seniorsite.strings import Translate


def format_day(day: date, language: str, t: Translate) -> str:
    """Write a date in the language's long form."""
    return format_date(day, t("date.pattern"), locale=language)


def format_when(start: date | datetime, end: date | datetime, language: str, t: Translate) -> str:
    """Write an event's date, or dates and times, as one phrase."""
    if isinstance(start, datetime) and isinstance(end, datetime):
        start_time = format_time(start, t("time.pattern"), locale=language)
        end_time = format_time(end, t("time.pattern"), locale=language)
        if start.date() == end.date():
            return t("when.timed").format(date=format_day(start.date(), language, t), start=start_time, end=end_time)
        return t("when.days").format(start=f"{format_day(start.date(), language, t)} {start_time}", end=f"{format_day(end.date(), language, t)} {end_time}")
    if start == end:
        return format_day(start, language, t)
    return t("when.days").format(start=format_day(start, language, t), end=format_day(end, language, t))


def format_day_of_year(month: int, day: int, language: str, t: Translate) -> str:
    """Write a day of any year, without the year (19. januar, 19 January)."""
    return format_date(date(2000, month, day), t("year_cycle.date_pattern"), locale=language)


def month_name(month: int, language: str) -> str:
    """Return a month's name as a heading writes it (Januar, January)."""
    name = format_date(date(2000, month, 1), "LLLL", locale=language)
    return name[:1].upper() + name[1:]


def format_clock(moment: time, language: str, t: Translate) -> str:
    """Write a time of day the way the language does (14.00, 14:00)."""
    return format_time(moment, t("time.pattern"), locale=language)
