"""Which assignment a notebook is, by its content (never by its metadata or file name alone).

Students copy their code into a fresh notebook, rename the file, or zip several notebooks
together. Each released assignment has a *profile*, built from its student notebook and its
autograder's tests: the names its answers are assigned to and its tests read, the questions it
checks (``grader.check("q3")``), the lines of its given code and the lines of its text. Only what
is *distinctive* counts (what no other assignment shares: every assignment has a ``q1``).

``scores(nb)`` gives, per assignment, the share of its distinctive content found in the notebook,
averaged over those four kinds (so a fresh notebook with the code cells only still scores well:
about 0.6-0.8; the untouched student notebook 1.0; a lesson or another assignment about 0).

Only our own release is read; the notebook is parsed (``ast``, regular expressions), never run.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

KINDS = ("names", "checks", "code", "text")
CHECK = re.compile(r"""grader\.check\(\s*["']([A-Za-z0-9_]+)["']""")
#: A notebook belongs to another assignment when that one scores at least this ...
CLEAR = 0.25
#: ... and this assignment less than this share of it.
MARGIN = 0.5
#: In a zip with several notebooks, the ones scoring at least this for the assignment match.
MATCH = 0.3


def sources(nb: dict, kind: str) -> list[str]:
    out = []
    for cell in nb.get("cells", []) if type(nb.get("cells")) is list else []:
        if type(cell) is dict and cell.get("cell_type") == kind:
            src = cell.get("source", "")
            out.append("".join(s for s in src if type(s) is str) if type(src) is list else str(src))
    return out


def assigned_names(code: list[str]) -> set[str]:
    """Names bound at the top level of the code cells (IPython magics and shell lines dropped)."""
    found: set[str] = set()
    for src in code:
        text = "\n".join(ln for ln in src.splitlines() if not ln.lstrip().startswith(("%", "!")))
        try:
            tree = ast.parse(text)
        except (SyntaxError, ValueError):
            found |= set(re.findall(r"^\s*([A-Za-z_]\w*)\s*=[^=]", text, flags=re.M))
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                found.add(node.id)
    return found


def _lines(texts: list[str], shortest: int) -> set[str]:
    out = set()
    for text in texts:
        for line in text.splitlines():
            line = " ".join(line.split())
            if len(line) >= shortest and "..." not in line:
                out.add(line)
    return out


def tokens(nb: dict) -> dict[str, set[str]]:
    code = sources(nb, "code")
    return {
        "names": assigned_names(code),
        "checks": {c for src in code for c in CHECK.findall(src)},
        "code": _lines(code, 8),
        "text": _lines(sources(nb, "markdown"), 12),
    }


@dataclass
class Profiles:
    """The distinctive content of each released assignment."""

    distinct: dict[str, dict[str, set[str]]]

    @classmethod
    def build(cls, templates: dict[str, dict], needed: dict[str, list[str]]) -> Profiles:
        """``templates``: each assignment's student notebook (as JSON); ``needed``: the names
        its tests read."""
        full = {}
        for name, nb in templates.items():
            t = tokens(nb)
            t["names"] |= set(needed.get(name, []))
            full[name] = t
        distinct = {}
        for name, t in full.items():
            others = [o for n, o in full.items() if n != name]
            distinct[name] = {k: t[k] - set().union(*(o[k] for o in others)) for k in KINDS}
        return cls(distinct)

    def scores(self, nb: dict) -> dict[str, float]:
        """Per assignment, the share of its distinctive content the notebook holds (0 to 1)."""
        have = tokens(nb)
        out = {}
        for name, want in self.distinct.items():
            parts = [len(have[k] & want[k]) / len(want[k]) for k in KINDS if want[k]]
            out[name] = round(sum(parts) / len(parts), 3) if parts else 0.0
        return out

    def other_assignment(self, nb: dict, assignment: str) -> str | None:
        """The other assignment this notebook clearly is, or None (it may be this one)."""
        got = self.scores(nb)
        if not got:
            return None
        best = max(got, key=got.get)
        mine = got.get(assignment, 0.0)
        if best != assignment and got[best] >= CLEAR and mine < MARGIN * got[best]:
            return best
        return None

    def matches(self, nb: dict, assignment: str) -> bool:
        """The notebook looks like this assignment's (in a zip of several)."""
        return self.scores(nb).get(assignment, 0.0) >= MATCH and (
            self.other_assignment(nb, assignment) is None
        )
