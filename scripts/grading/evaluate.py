"""Evaluate the otter tests on exported answer values, in a process that never runs student code.

    python evaluate.py < request.json > result.json
    python evaluate.py --serve     # one JSON request per line in, one JSON result per line out

``--serve`` is what the grader uses: one evaluator per worker for the whole batch, so numpy,
pandas and matplotlib are imported once, not once per submission. It still never runs student
code: each request is decoded afresh into a new namespace, and figures are closed after each.

The request holds ``values`` (as written by the sandboxed runner, untrusted) and ``tests`` (the
autograder's cases: the grader reads them from the zip, the sandbox never sees them). Values are
rebuilt by ``values.decode`` (exact types only); a name that cannot be rebuilt is left undefined,
so its checks fail. Each case runs in order in one namespace, as ``otter run`` does; a question
scores ``points * passed / cases`` (otter's even split), capped at its points.

Feedback: for a failed case, only a message written in the test itself (an assert's message
string) or "A check could not run on your answer (ErrorType)": nothing derived from the values.
"""

from __future__ import annotations

import ast
import doctest
import io
import json
import os
import sys
from contextlib import redirect_stderr, redirect_stdout

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import values  # noqa: E402


def literal_messages(code: str) -> list[str]:
    """The message strings of the asserts in a test case (plain string literals only)."""
    found = []
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return found
    for node in ast.walk(tree):
        if isinstance(node, ast.Assert) and isinstance(node.msg, ast.Constant):
            if isinstance(node.msg.value, str):
                found.append(node.msg.value)
    return found


def run_case(code: str, env: dict) -> tuple[bool, str | None]:
    examples = [e for e in doctest.DocTestParser().parse(code) if isinstance(e, doctest.Example)]
    source = "".join(e.source for e in examples)
    allowed = literal_messages(source)
    sink = io.StringIO()
    for example in examples:
        try:
            with redirect_stdout(sink), redirect_stderr(sink):
                exec(compile(example.source, "<test>", "single"), env)
        except AssertionError as exc:
            text = str(exc.args[0]) if exc.args and isinstance(exc.args[0], str) else ""
            return False, text if text in allowed else "A check failed."
        except Exception as exc:  # noqa: BLE001
            return False, f"A check could not run on your answer ({type(exc).__name__})."
    return True, None


def evaluate(request: dict) -> dict:
    env: dict = {}
    undecoded = []
    raw = request.get("values", {})
    for name, enc in raw.items() if type(raw) is dict else []:
        if type(name) is not str or not name.isidentifier():
            continue
        try:
            env[name] = values.decode(enc)
        except Exception:  # noqa: BLE001
            undecoded.append(name)
    results = {}
    for test in request["tests"]:
        cases = test["cases"]
        passed, messages = 0, []
        for code in cases:
            ok, message = run_case(code, env)
            passed += ok
            if message:
                messages.append(message)
        points = float(test["points"])
        score = points * passed / len(cases) if cases else 0.0
        results[test["name"]] = {
            "score": round(min(max(score, 0.0), points), 2),
            "messages": messages,
        }
    return {"results": results, "undecoded": undecoded}


def serve(inp, out) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy  # noqa: F401
    import pandas  # noqa: F401

    out.write(json.dumps({"ready": True}) + "\n")
    out.flush()
    for line in inp:
        try:
            answer = evaluate(json.loads(line))
        except Exception as exc:  # noqa: BLE001  a bad request gets an answer, not a hang
            answer = {"error": type(exc).__name__}
        finally:
            plt.close("all")
            sys.stdout = sys.stderr = io.StringIO()  # whatever a test printed goes nowhere
        out.write(json.dumps(answer) + "\n")
        out.flush()


def main() -> None:
    inp, out = sys.stdin, sys.stdout
    sys.stdout = sys.stderr = io.StringIO()
    if sys.argv[1:] == ["--serve"]:
        serve(inp, out)
        return
    out.write(json.dumps(evaluate(json.loads(inp.read()))))


if __name__ == "__main__":
    main()
