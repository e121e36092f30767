"""Generate the README's lesson table (and Binder links) from the notebooks' lesson metadata.

    python scripts/lesson_table.py --write   # rewrite the table between the markers in README.md
    python scripts/lesson_table.py --check   # exit 1 if README.md is out of date (used by tests)

The table lives between ``<!-- lessons:start -->`` and ``<!-- lessons:end -->``; the Binder
badge between ``<!-- binder:start -->`` and ``<!-- binder:end -->``. ``--repo OWNER/NAME``
names the GitHub repository the Binder links open.
"""

from __future__ import annotations

import re
import sys
from urllib.parse import quote

from project import ROOT, lessons, write_check_parser, write_or_check

README = ROOT / "README.md"
DEFAULT_REPO = "back-to-the-past/back-to-the-past"


def binder_url(repo: str, path: str) -> str:
    """A mybinder.org link that opens JupyterLab at ``path``."""
    return f"https://mybinder.org/v2/gh/{repo}/HEAD?urlpath={quote('lab/tree/' + path, safe='')}"


def table(repo: str) -> str:
    """The markdown lesson table."""
    rows = [
        "| # | lesson | minutes | by the end you will be able to | open |",
        "|---|---|---|---|---|",
    ]
    total = 0
    for lesson in lessons():
        rel = f"notebooks/{lesson.name}"
        objectives = "<br>".join(f"• {o}" for o in lesson.objectives)
        rows.append(
            f"| {lesson.number:02d} | [{lesson.title}]({rel}) — {lesson.summary} | "
            f"{lesson.minutes} | {objectives} | [Binder]({binder_url(repo, rel)}) |"
        )
        total += lesson.minutes
    rows.append(f"\nIn all about {total} minutes of lessons.")
    return "\n".join(rows)


def badge(repo: str) -> str:
    """The Binder badge, opening lesson 00."""
    url = binder_url(repo, "notebooks/00_start_here.ipynb")
    return f"[![Launch on Binder](https://mybinder.org/badge_logo.svg)]({url})"


def render(text: str, repo: str) -> str:
    """README text with the generated blocks replaced."""
    for name, block in (("lessons", table(repo)), ("binder", badge(repo))):
        pattern = re.compile(rf"(<!-- {name}:start -->\n).*?(<!-- {name}:end -->)", re.S)
        if not pattern.search(text):
            raise SystemExit(
                f"README.md has no <!-- {name}:start --> ... <!-- {name}:end --> block"
            )
        text = pattern.sub(lambda m, b=block: m.group(1) + b + "\n" + m.group(2), text)
    return text


def main(argv: list[str] | None = None) -> int:
    parser = write_check_parser(__doc__)
    parser.add_argument("--repo", default=DEFAULT_REPO)
    args = parser.parse_args(argv)
    wanted = render(README.read_text(encoding="utf-8"), args.repo)
    return write_or_check(README, wanted, write=args.write, what="README.md's lesson table",
                          command="make readme")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
