"""Every quotation of the commentary is verbatim and sits in the paragraph it names.

The commentary's text is not stored; tests/fixtures/commentary_3grams.json keeps salted hashes of
each body paragraph's word 3-grams (scripts/commentary_fingerprint.py). A quotation passes when
every run of three words in it occurs in its paragraph. The claim ledger's quotations are checked,
and so is every quotation in the lessons, the assignments and the guides that names a paragraph
right after it, as ``"..." (¶ 4)`` or ``"..." (paragraph 4)``. An ellipsis or a bracketed insertion
splits a quotation into fragments; a fragment of fewer than three words is not checked.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import commentary_fingerprint as fp  # noqa: E402

FINGERPRINT = json.loads((ROOT / "tests/fixtures/commentary_3grams.json").read_text())
PARAGRAPHS = {int(k): set(v) for k, v in FINGERPRINT["paragraphs"].items()}
QUOTE_THEN_PARAGRAPH = re.compile(
    r"[\"“]([^\"“”\n]{6,400})[\"”][^\"“”\n]{0,60}?\((?:[^()\n]*?\s)?(?:¶|paragraphs?|para\.)\s*(\d+)(?:\s*[–-]\s*(\d+))?"
)
SPLIT = re.compile(r"…|\.\.\.|\[[^\]]*\]")


def misquoted(quotation: str, paragraph: int, last: int | None = None) -> list[str]:
    """The fragments of ``quotation`` whose 3-grams are not all in ``paragraph`` (to ``last``).

    An empty list means the quotation is verbatim there.
    """
    numbers = range(paragraph, (last or paragraph) + 1)
    missing = [n for n in numbers if n not in PARAGRAPHS]
    if missing or not numbers:
        return [f"there is no paragraph {missing[0] if missing else paragraph}"]
    grams = set().union(*(PARAGRAPHS[n] for n in numbers))
    bad = []
    for fragment in SPLIT.split(quotation):
        tokens = fp.words(fragment)
        if len(tokens) >= fp.N and not fp.grams(tokens) <= grams:
            bad.append(fragment.strip())
    return bad


def _markdown_sources() -> list[tuple[str, str]]:
    found = []
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")) + sorted(
        (ROOT / "assignments" / "source").glob("*.ipynb")
    ):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        for i, cell in enumerate(cells):
            if cell["cell_type"] == "markdown":
                found.append((f"{path.name} cell {i}", "".join(cell["source"])))
    for path in [ROOT / "README.md", ROOT / "docs" / "teaching-guide.md"] + sorted(
        (ROOT / "docs" / "guide").glob("*.md")
    ):
        found.append((str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")))
    return found


def test_the_fingerprint_covers_every_paragraph():
    meta = json.loads((ROOT / "data" / "commentary.json").read_text(encoding="utf-8"))
    assert sorted(PARAGRAPHS) == list(range(1, meta["metadata"]["paragraph_count"] + 1))
    assert all(len(grams) > 20 for grams in PARAGRAPHS.values())


def test_a_changed_word_or_the_wrong_paragraph_is_caught():
    right = "Of his 11 official visits to China as Russian president"
    assert misquoted(right, 1) == []
    assert misquoted(right.replace("11", "12"), 1)
    assert misquoted(right, 2)
    assert misquoted("Of his 11 official … as Russian president", 1) == []
    assert misquoted("anything at all", 18) == ["there is no paragraph 18"]
    assert misquoted(right, 2, 3) and misquoted(right, 1, 2) == []  # a range of paragraphs


def test_every_ledger_quotation_is_verbatim_in_its_paragraph():
    with (ROOT / "data" / "claims.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    bad = {
        r["claim_id"]: misquoted(r["quotation"], int(r["paragraph"]))
        for r in rows
        if misquoted(r["quotation"], int(r["paragraph"]))
    }
    assert not bad, bad


def test_quotations_in_lessons_and_guides_are_verbatim():
    checked, bad = 0, []
    for where, text in _markdown_sources():
        for match in QUOTE_THEN_PARAGRAPH.finditer(text):
            quotation, paragraph = match.group(1), int(match.group(2))
            last = int(match.group(3)) if match.group(3) else None
            checked += 1
            for fragment in misquoted(quotation, paragraph, last):
                bad.append(f"{where}: {fragment!r} is not in paragraph {paragraph}")
    assert checked >= 10, f"only {checked} quotations with a paragraph found: is the pattern right?"
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize(
    "text",
    [
        '"these public declarations" (¶ 9)',
        "“back-to-back” posture (paragraph 13)",
        '"back to the past" (¶ 14–16)',
    ],
)
def test_the_pattern_finds_both_citation_styles(text):
    assert QUOTE_THEN_PARAGRAPH.search(text)
