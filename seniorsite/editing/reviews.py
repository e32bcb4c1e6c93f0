"""`make reviews`: the pages past their review date, with their owner; a report that never fails a build."""

from __future__ import annotations

import sys
from pathlib import Path

from seniorsite.data.events import build_moment
from seniorsite.data.page_reviews import overdue_pages, page_reviews, review_lines
from seniorsite.data.site_data import DOCS_DIR, SCHEMA_DIR
from seniorsite.editing.annotations import annotation, in_github_actions


def main(project_dir: Path) -> int:
    """Print each page past its review date (in GitHub Actions also as a warning on its line); return 0 whatever it finds."""
    today = build_moment().date()
    reviews, problems = page_reviews(project_dir / DOCS_DIR, project_dir / SCHEMA_DIR)
    overdue = overdue_pages(reviews, today)
    for line in review_lines(overdue, today):
        print(line)
    if in_github_actions():
        for page, review in overdue:
            print(annotation(f"{DOCS_DIR}/{page}", 1, f"past its review date {review.review.isoformat()}: read it through, then move 'review' on", level="warning"))
    print(f"{len(overdue)} of {len(reviews)} pages past their review date ({today.isoformat()})"
          + (f"; {len(problems)} pages without a valid owner or review date (the build names them)" if problems else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path.cwd()))
