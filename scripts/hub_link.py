"""`make hub-link HUB=https://your.hub`: print the nbgitpuller link of each lesson for a JupyterHub.

python scripts/hub_link.py --hub https://your.hub [--repo OWNER/NAME | --repo-url URL] [--branch B]

Each link makes the student's server clone the repository into ~/NAME the first time and merge
the instructor's later changes on each later click (nbgitpuller), then opens the lesson in
JupyterLab. The same links are on the course website's lesson pages (scripts/site_build.py), and
tests/hub clicks them on a real hub. docs/guide/hub.md explains the set-up.
"""

from __future__ import annotations

import argparse
from urllib.parse import quote

import project


def link(hub: str, repo_url: str, path: str, branch: str = "main") -> str:
    """The nbgitpuller link that opens ``path`` (relative to the repository) in JupyterLab.

    >>> link("https://hub.example.org/", "https://github.com/o/r", "notebooks/00_a.ipynb")
    'https://hub.example.org/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fo%2Fr&branch=main&urlpath=lab%2Ftree%2Fr%2Fnotebooks%2F00_a.ipynb'
    """
    folder = repo_url.rstrip("/").split("/")[-1]  # where nbgitpuller clones: the repo's name
    return (
        f"{hub.rstrip('/')}/hub/user-redirect/git-pull"
        f"?repo={quote(repo_url, safe='')}&branch={quote(branch, safe='')}"
        f"&urlpath={quote(f'lab/tree/{folder}/{path}', safe='')}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hub", required=True, help="the hub's address, e.g. https://hub.uni.edu")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--repo", default="back-to-the-past/back-to-the-past", help="OWNER/NAME")
    where.add_argument("--repo-url", help="any URL git can clone (overrides --repo)")
    parser.add_argument("--branch", default="main")
    args = parser.parse_args(argv)
    if not args.hub.startswith(("https://", "http://")):
        parser.error(f"--hub must be an address like https://hub.example.org, not {args.hub!r}")
    repo_url = args.repo_url or f"https://github.com/{args.repo}"
    for lesson in project.lessons():
        path = lesson.path.relative_to(project.ROOT).as_posix()
        print(
            f"{lesson.number:02d} {lesson.title}\n   {link(args.hub, repo_url, path, args.branch)}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
