"""When each line of a file last changed, from git (for calendars' LAST-MODIFIED)."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

# git blame names lines that are not committed yet with this all-zero commit.
UNCOMMITTED = "0" * 40


def line_change_times(path: Path) -> dict[int, datetime] | None:
    """Return each line's last commit time (UTC); None outside a git checkout or without git."""
    try:
        completed = subprocess.run(
            ["git", "blame", "--porcelain", "--", path.name], cwd=path.parent,
            capture_output=True, text=True, timeout=60, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if completed.returncode != 0:
        return None
    times: dict[str, datetime] = {}
    lines: dict[int, datetime] = {}
    commit, line = "", 0
    for row in completed.stdout.splitlines():
        parts = row.split(" ")
        if len(parts) >= 3 and len(parts[0]) == 40 and parts[1].isdigit() and parts[2].isdigit():
            commit, line = parts[0], int(parts[2])
        elif row.startswith("committer-time ") and commit != UNCOMMITTED:
            times[commit] = datetime.fromtimestamp(int(parts[1]), UTC)
        elif row.startswith("\t") and commit in times:
            lines[line] = times[commit]
    return lines


def last_change(times: dict[int, datetime] | None, first_line: int, last_line: int, fallback: datetime) -> datetime:
    """Return the latest change among a range of lines; the fallback for uncommitted ones or without git."""
    if times is None:
        return fallback
    moments = [times.get(line, fallback) for line in range(first_line, last_line + 1)]
    return max(moments, default=fallback)
