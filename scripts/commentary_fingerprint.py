"""Fingerprint the commentary's paragraphs, so tests can check quotations without its text.

    python scripts/commentary_fingerprint.py SEED.txt  # -> tests/fixtures/commentary_3grams.json

The collection does not store the commentary's text (it quotes it briefly and links to it). To
check that every quotation is verbatim and sits in the paragraph it names, this script keeps, per
body paragraph (numbered as in data/commentary.json, 1-17), only salted hashes of its word
3-grams: enough to test that a quoted run of words occurs there, not enough to rebuild the text.
The paragraphs are found by their opening words (``opens_with`` in data/commentary.json); a
paragraph runs to the next one's start (section headings in between are included, harmlessly).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "commentary_3grams.json"
SALT = "back-to-the-past:"
N = 3


def words(text: str) -> list[str]:
    """Normalised words: links unwrapped, escapes dropped, quotes and dashes unified, lower case."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text).replace("\\", "")
    for a, b in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("–", " "), ("—", " ")):
        text = text.replace(a, b)
    return re.findall(r"[a-z0-9$]+(?:[.,'][a-z0-9]+)*", text.lower())


def gram_hash(gram: list[str]) -> str:
    return hashlib.sha256((SALT + " ".join(gram)).encode()).hexdigest()[:12]


def grams(tokens: list[str]) -> set[str]:
    return {gram_hash(tokens[i : i + N]) for i in range(len(tokens) - N + 1)}


def paragraphs(seed: str, opens_with: list[str]) -> list[list[str]]:
    lines = [line.strip() for line in seed.splitlines() if line.strip()]
    starts = []
    for key in opens_with:
        want = words(key)
        starts.append(next(i for i, line in enumerate(lines) if words(line)[: len(want)] == want))
    ends = starts[1:] + [len(lines)]
    return [words(" ".join(lines[a:b])) for a, b in zip(starts, ends, strict=True)]


def main(argv: list[str]) -> int:
    seed = Path(argv[0]).read_text(encoding="utf-8")
    meta = json.loads((ROOT / "data" / "commentary.json").read_text(encoding="utf-8"))
    opens = [p["opens_with"] for p in meta["paragraphs"]]
    found = paragraphs(seed, opens)
    out = {
        "about": "Salted hashes of each paragraph's word 3-grams (see commentary_fingerprint.py)",
        "n": N,
        "paragraphs": {str(i + 1): sorted(grams(tokens)) for i, tokens in enumerate(found)},
    }
    OUT.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(found)} paragraphs")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
