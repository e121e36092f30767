"""Build the student release of every graded assignment with ``otter assign``.

    python scripts/release.py                      # source/*.ipynb -> assignments/release/
    python scripts/release.py --out DIR            # write the release elsewhere (tests use this)
    python scripts/release.py --student-repo DIR   # also assemble a repository for students

For each master notebook ``assignments/source/NAME.ipynb`` it runs ``otter assign`` (which runs
every test against the solutions and fails if one fails) and writes

- ``RELEASE/NAME/student/NAME.ipynb``: the notebook students get (no solutions, no hidden tests);
- ``RELEASE/NAME/autograder/NAME-autograder.zip``: what ``make grade`` needs (it holds the hidden
  tests: for instructors only, never for students).

The solution notebook otter also writes is not kept. To make a fresh release match the committed
one, cell ids are numbered, the export cell is tagged ``nbval-skip`` (run under a test it would
write a new zip each time) and the zip is rewritten with fixed dates and sorted entries.
Exits 1, naming the assignment, if ``otter assign`` fails or the release contains a solution
marker.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import project

ROOT = project.ROOT
SOURCE = ROOT / "assignments" / "source"
RELEASE = ROOT / "assignments" / "release"
OTTER = Path(sys.executable).with_name("otter")
ATTEMPTS = 3
#: Strings that must never reach students.
FORBIDDEN = ("# SOLUTION", "BEGIN SOLUTION", "END SOLUTION", "# HIDDEN", "SOLUTION NO PROMPT")
#: What a repository for students holds (besides the student notebooks).
STUDENT_REPO_PATHS = (
    "README.md",
    "LICENSE",
    "LICENSE-content.md",
    "requirements.txt",
    "runtime.txt",
    "pyproject.toml",
    "notebooks",
    "helpers",
    "data",
)
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def normalise_student(path: Path) -> None:
    """Number the cell ids and tag the export cell ``nbval-skip``, in place."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    for i, cell in enumerate(nb["cells"]):
        cell["id"] = f"cell-{i:03d}"
        if cell["cell_type"] == "code":
            text = "".join(cell["source"])
            if "grader.export(" in text:
                tags = cell.setdefault("metadata", {}).setdefault("tags", [])
                if "nbval-skip" not in tags:
                    tags.append("nbval-skip")
            cell["outputs"] = []
            cell["execution_count"] = None
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def rezip(source: Path, target: Path) -> None:
    """Copy a zip with sorted entries and fixed dates, so that equal contents give equal bytes."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for name in sorted(old.namelist()):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = old.getinfo(name).external_attr
            new.writestr(info, old.read(name))


def forbidden_in(path: Path) -> list[str]:
    """The forbidden markers found anywhere in a notebook file (cells and metadata)."""
    text = path.read_text(encoding="utf-8")
    return [marker for marker in FORBIDDEN if marker in text]


def release_one(source: Path, out: Path, timeout: int, keep_solution: bool = False) -> str | None:
    """Release one assignment into ``out/NAME``; return an error message or None."""
    name = source.stem
    with tempfile.TemporaryDirectory(prefix=f"release-{name}-") as tmp:
        work = Path(tmp) / "out"
        # otter assign runs the notebook with no timeout of its own and now and then hangs
        # (seen here about once in 17 runs, and once in CI): give it a few tries, each bounded
        proc = None
        for _attempt in range(ATTEMPTS):
            shutil.rmtree(work, ignore_errors=True)
            try:
                proc = subprocess.run(
                    [str(OTTER), "assign", str(source), str(work)],
                    capture_output=True,
                    text=True,
                    timeout=timeout,
                    cwd=tmp,
                )
                break
            except subprocess.TimeoutExpired:
                continue
        if proc is None:
            return f"{name}: otter assign took longer than {timeout} s, {ATTEMPTS} times"
        if proc.returncode != 0:
            lines = (proc.stdout + proc.stderr).strip().splitlines()
            tail = "\n".join(ln for ln in lines if "WARNING | Kernel" not in ln)[-4000:]
            return f"{name}: otter assign failed (a solution fails its tests?)\n{tail}"
        zips = sorted((work / "autograder").glob(f"{name}-autograder_*.zip"))
        student = work / "student" / f"{name}.ipynb"
        if len(zips) != 1 or not student.exists():
            return f"{name}: otter assign did not write one student notebook and one zip"
        target = out / name
        if target.exists():
            shutil.rmtree(target)
        (target / "student").mkdir(parents=True)
        (target / "autograder").mkdir()
        shutil.copy2(student, target / "student" / student.name)
        for extra in (work / "student").iterdir():
            if extra.name != student.name:
                return f"{name}: unexpected file in the student release: {extra.name}"
        normalise_student(target / "student" / student.name)
        rezip(zips[0], target / "autograder" / f"{name}-autograder.zip")
        if keep_solution:
            (target / "solution").mkdir()
            shutil.copy2(work / "autograder" / f"{name}.ipynb", target / "solution")
    found = forbidden_in(target / "student" / f"{name}.ipynb")
    if found:
        return f"{name}: the student notebook contains {found}"
    return None


def student_repo(release: Path, dest: Path) -> None:
    """Assemble a repository for students: the lessons, helpers, data and student notebooks."""
    if dest.exists() and any(dest.iterdir()):
        raise SystemExit(f"{dest} exists and is not empty: choose a new folder")
    dest.mkdir(parents=True, exist_ok=True)
    for rel in STUDENT_REPO_PATHS:
        src = ROOT / rel
        if src.is_dir():
            shutil.copytree(
                src, dest / rel, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
            )
        elif src.exists():
            shutil.copy2(src, dest / rel)
    if list(release.glob("*/solution")):
        raise SystemExit(f"{release} holds solution notebooks: release again without them")
    for student in sorted(release.glob("*/student/*.ipynb")):
        target = dest / "assignments" / "release" / student.parent.parent.name / "student"
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(student, target / student.name)
    leaks = [p for p in dest.rglob("*") if p.suffix == ".zip" or "source" in p.parts]
    leaks += [p for p in dest.rglob("*.ipynb") if forbidden_in(p)]
    if leaks:
        raise SystemExit(f"solution material in the student repository: {leaks}")
    print(f"student repository assembled in {dest}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="assignment names (default: all)")
    parser.add_argument("--out", type=Path, default=RELEASE, help="release folder")
    parser.add_argument(
        "--timeout", type=int, default=240, help="seconds per try of otter assign (3 tries)"
    )
    parser.add_argument("--student-repo", type=Path, help="also assemble a student repository")
    parser.add_argument(
        "--keep-solutions",
        action="store_true",
        help="also keep NAME/solution/NAME.ipynb (for tests; never commit or publish it)",
    )
    args = parser.parse_args(argv)
    sources = sorted(SOURCE.glob("*.ipynb"))
    if args.names:
        sources = [s for s in sources if s.stem in args.names]
        missing = set(args.names) - {s.stem for s in sources}
        if missing:
            print(f"unknown assignment(s): {', '.join(sorted(missing))}", file=sys.stderr)
            return 1
    if not sources:
        print(f"no master notebooks in {SOURCE}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    failed = 0
    for source in sources:
        error = release_one(source, args.out, args.timeout, args.keep_solutions)
        if error:
            failed += 1
            print(f"FAIL {error}", file=sys.stderr)
        else:
            print(f"ok   {source.stem}: {args.out / source.stem}")
    if failed:
        return 1
    if args.student_repo:
        student_repo(args.out, args.student_repo)
    return 0


if __name__ == "__main__":
    sys.exit(main())
