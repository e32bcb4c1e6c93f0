"""The site's time zone as an iCalendar VTIMEZONE with yearly rules, as common calendar programs write it."""

from __future__ import annotations

from datetime import datetime, timedelta

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

from seniorsite.languages import TIMEZONE

# Written by hand: icalendar's add_missing_timezones() lists every change date up to 2037 (RDATE),
# which some readers (vobject) ignore; yearly rules are what Outlook, Google and Thunderbird write.
# The EU rule (last Sunday of March 02:00, last Sunday of October 03:00) has applied since 1996.
RULES_SINCE = 1996
SUMMER = {"name": "CEST", "offset": timedelta(hours=2), "start": datetime(RULES_SINCE, 3, 31, 2, 0), "month": 3}
WINTER = {"name": "CET", "offset": timedelta(hours=1), "start": datetime(RULES_SINCE, 10, 27, 3, 0), "month": 10}


def _observance(component: TimezoneDaylight | TimezoneStandard, rule: dict, offset_from: timedelta) -> TimezoneDaylight | TimezoneStandard:
    """Fill one observance: its name, offsets, first change and yearly rule (last Sunday of its month)."""
    component.add("tzname", rule["name"])
    component.add("tzoffsetfrom", offset_from)
    component.add("tzoffsetto", rule["offset"])
    component.add("dtstart", rule["start"])
    component.add("rrule", {"freq": "yearly", "bymonth": rule["month"], "byday": "-1su"})
    return component


def copenhagen_timezone() -> Timezone:
    """Return Europe/Copenhagen as a VTIMEZONE with yearly summer- and winter-time rules."""
    zone = Timezone()
    zone.add("tzid", TIMEZONE)
    zone.add_component(_observance(TimezoneDaylight(), SUMMER, WINTER["offset"]))
    zone.add_component(_observance(TimezoneStandard(), WINTER, SUMMER["offset"]))
    return zone
