"""Build the course website (`make site`) with Jupyter Book 2 from the stored outputs.

python scripts/site_build.py --repo OWNER/NAME --hub https://hub.example.org [--out build/site]

1. Stage the pages in build/site-src: README.md, the six lessons (notebooks/*.ipynb, outputs as
   committed: nothing is executed), docs/teaching-guide.md, whatever docs/guide/*.md exist,
   data/README.md, the data/*.csv files the pages link to, and a Sources page made from
   data/sources.csv. The table of contents (myst.yml) is written here, from what exists now.
   Dollar signs are escaped (the lessons write "\\$250 bn" for JupyterLab; in MyST a bare "$"
   would start maths) and the README's Binder badge, a remote image, becomes a text link.
2. `jupyter-book build --html` renders it with the site template in site/theme: a local template
   whose render command (scripts/site_render.py) turns the MyST AST into static HTML. Nothing is
   fetched: where the machine allows it the build runs in a network namespace with no network.
3. Copy the original lessons (for the download links) and write bench-results/site.json.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import hub_link  # noqa: E402
from lesson_table import binder_url  # noqa: E402

THEME = ROOT / "site" / "theme"
BADGE = re.compile(r"\[!\[([^\]]*)\]\(https?://[^)]*\)\]")  # [![alt](remote image)](target)
REMOTE_IMAGE = re.compile(r"!\[([^\]]*)\]\((https?://[^)\s]+)[^)]*\)")
# Jupyter Book looks up every doi.org link on doi.org while it builds. The staged pages write
# such links with the host "doi.org." (the same host, as a fully qualified name), which it does
# not recognise; site_render.py writes them back as https://doi.org/...
DOI_HOST = re.compile(r"https?://(?:dx\.|www\.)?doi\.org/", re.I)
STAGED_DOI = "https://doi.org./"
DOLLAR = re.compile(r"\\*\$")


def escape_dollars(text: str) -> str:
    r"""Every "$" (escaped once, twice or not at all) becomes "\$": the pages use no maths.

    >>> escape_dollars("US$ 5, \\$250 bn and \\\\$117.5 bn")
    'US\\$ 5, \\$250 bn and \\$117.5 bn'
    """
    return DOLLAR.sub(lambda _: "\\$", text)


def hub_url(hub: str, repo: str, path: str, branch: str = "main") -> str:
    """The nbgitpuller link of a lesson (scripts/hub_link.py makes it, for `make hub-link` too).

    >>> hub_url("https://hub.example.org/", "o/r", "notebooks/00_a.ipynb")  # doctest: +ELLIPSIS
    'https://hub.example.org/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fo%2Fr&...'
    """
    return hub_link.link(hub, f"https://github.com/{repo}", path, branch)


def lessons() -> list[Path]:
    return sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def guides() -> list[Path]:
    return sorted((ROOT / "docs" / "guide").glob("*.md"))


def stage_notebook(src: Path, dest: Path) -> dict:
    nb = json.loads(src.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            cell["source"] = escape_dollars(offline_links("".join(cell["source"])))
    dest.write_text(json.dumps(nb, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return nb["metadata"].get("lesson", {})


def offline_links(text: str) -> str:
    """Keep Jupyter Book from fetching anything a page links to or shows.

    >>> offline_links("[![B](https://x.org/b.svg)](https://t.org) ![c](http://x.org/c.png)")
    '[B](https://t.org) [c](http://x.org/c.png)'
    >>> offline_links("see https://doi.org/10.1/x and http://dx.doi.org/10.2/y")
    'see https://doi.org./10.1/x and https://doi.org./10.2/y'
    """
    text = REMOTE_IMAGE.sub(r"[\1](\2)", BADGE.sub(r"[\1]", text))
    return DOI_HOST.sub(STAGED_DOI, text)


def stage_markdown(src: Path, dest: Path) -> None:
    text = offline_links(src.read_text(encoding="utf-8"))
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(escape_dollars(text), encoding="utf-8")


def sources_page(dest: Path) -> None:
    """The Sources page's heading and introduction; site_render.py adds the table of sources.

    (The table is not written as Markdown because Jupyter Book would try to look up every DOI
    link on doi.org at build time.)
    """
    count = sum(1 for _ in csv.DictReader((ROOT / "data" / "sources.csv").open(encoding="utf-8")))
    dest.write_text(
        "# Sources\n\n"
        f"Every number, date and quotation in the lessons rests on one of these {count} sources. "
        "The bibliography is [data/sources.csv](sources.csv); the tiers (primary, official "
        "statistics, dataset, scholarship, news agency, other) are explained in the "
        "[data dictionary](README.md). Each title links to the source where it is online. "
        "*Used for* says whether a source supports facts or is shown only as an exhibit "
        "(copies, mirrors and school sites are never a source of fact).\n",
        encoding="utf-8",
    )


def stage(src_dir: Path, repo: str, hub: str) -> dict:
    """Write the pages, myst.yml and the side metadata the renderer reads; return the metadata."""
    if src_dir.exists():
        shutil.rmtree(src_dir)
    (src_dir / "notebooks").mkdir(parents=True)
    (src_dir / "data").mkdir()
    stage_markdown(ROOT / "README.md", src_dir / "README.md")
    meta = {"repo": repo, "hub": hub, "lessons": {}}
    lesson_files = []
    for nb in lessons():
        card = stage_notebook(nb, src_dir / "notebooks" / nb.name)
        path = f"notebooks/{nb.name}"
        meta["lessons"][path] = {
            "card": card,
            "binder": binder_url(repo, path),
            "hub": hub_url(hub, repo, path),
            "download": path,
        }
        lesson_files.append(path)
    stage_markdown(ROOT / "docs" / "teaching-guide.md", src_dir / "docs" / "teaching-guide.md")
    guide_files = []
    for md in guides():
        stage_markdown(md, src_dir / "docs" / "guide" / md.name)
        guide_files.append(f"docs/guide/{md.name}")
    stage_markdown(ROOT / "data" / "README.md", src_dir / "data" / "README.md")
    for data in sorted((ROOT / "data").glob("*.csv")) + [ROOT / "data" / "datapackage.json"]:
        shutil.copy(data, src_dir / "data" / data.name)
    sources_page(src_dir / "data" / "sources.md")

    def entries(files: list[str]) -> str:
        return "".join(f"        - file: {name}\n" for name in files)

    guide_toc = f"      children:\n{entries(guide_files)}" if guide_files else ""
    (src_dir / "myst.yml").write_text(
        "# Generated by scripts/site_build.py: edit that script, not this file.\n"
        "version: 1\n"
        "project:\n"
        "  title: Back to the Past\n"
        f"  github: https://github.com/{repo}\n"
        "  toc:\n"
        "    - file: README.md\n"
        "    - title: Lessons\n"
        f"      children:\n{entries(lesson_files)}"
        "    - file: docs/teaching-guide.md\n"
        f"{guide_toc}"
        "    - file: data/README.md\n"
        "      children:\n"
        "        - file: data/sources.md\n"
        "site:\n"
        f"  template: {THEME}\n",
        encoding="utf-8",
    )
    (src_dir / "site-meta.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
    return meta


def network_namespace_works() -> bool:
    """True where `unshare -n` can give the build a network namespace with no network."""
    if not shutil.which("unshare") or not shutil.which("ip"):  # ip brings up loopback
        return False
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True)
    return probe.returncode == 0


def build(src_dir: Path, out: Path, *, offline: bool) -> subprocess.CompletedProcess:
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    env = {
        **os.environ,
        "SITE_PYTHON": sys.executable,
        "SITE_META": str(src_dir / "site-meta.json"),
        "SITE_OUT": str(out),
        "SITE_SOURCE": str(src_dir),
        "JB_ALLOW_NODEENV": "no",  # never download Node.js: `make node` installs Debian's
    }
    env.pop("BASE_URL", None)  # the site uses relative links: it works under any base URL
    command = f"{jupyter_book} build --html"
    argv = ["sh", "-c", command]
    if offline:
        argv = ["unshare", "-n", "sh", "-c", f"ip link set lo up 2>/dev/null; {command}"]
    return subprocess.run(argv, cwd=src_dir, env=env, capture_output=True, text=True, timeout=600)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", required=True, help="OWNER/NAME of the GitHub repository")
    parser.add_argument("--hub", required=True, help="the JupyterHub's address (make site HUB=...)")
    parser.add_argument("--out", default="build/site", help="where the HTML goes")
    parser.add_argument("--src", default="build/site-src", help="where the pages are staged")
    parser.add_argument("--bench", default="bench-results/site.json")
    parser.add_argument("--online", action="store_true", help="skip the no-network namespace")
    args = parser.parse_args(argv)
    out, src_dir = (ROOT / args.out).resolve(), (ROOT / args.src).resolve()
    start = time.perf_counter()
    stage(src_dir, args.repo, args.hub)
    if out.exists():
        shutil.rmtree(out)
    offline = not args.online and network_namespace_works()
    result = build(src_dir, out, offline=offline)
    log = result.stdout + result.stderr
    (src_dir / "build.log").write_text(log, encoding="utf-8")
    if result.returncode != 0 or not (out / "index.html").exists():
        print(log)
        print(f"make site: the build failed (log: {src_dir / 'build.log'})", file=sys.stderr)
        return 1
    (out / "notebooks").mkdir(exist_ok=True)
    for nb in lessons():
        shutil.copy(nb, out / "notebooks" / nb.name)  # the download links give the lesson as is
    (out / ".nojekyll").write_text("", encoding="utf-8")  # GitHub Pages: serve build/ as is
    seconds = time.perf_counter() - start
    pages = sorted(str(p.relative_to(out)) for p in out.rglob("index.html"))
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    bench = ROOT / args.bench
    bench.parent.mkdir(parents=True, exist_ok=True)
    record = {
        "seconds": round(seconds, 2),
        "pages": len(pages),
        "bytes": size,
        "offline": offline,
        "jupyter_book": subprocess.run(
            [str(Path(sys.executable).parent / "jupyter-book"), "--version"],
            capture_output=True,
            text=True,
        ).stdout.strip(),
    }
    bench.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    warnings = [line for line in log.splitlines() if line.startswith(("⛔", "⚠"))]
    for line in warnings:
        print(line)
    where = (
        "offline (in a network namespace with no network)" if offline else "(network not cut off)"
    )
    shown = out.relative_to(ROOT) if out.is_relative_to(ROOT) else out
    print(f"make site: {len(pages)} pages in {shown}, built {where} in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
