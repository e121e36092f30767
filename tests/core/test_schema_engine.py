"""The schema engine: real line numbers in every check, declared references, all problems."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import pytest
from support import ROOT

from helpers.argument.data import load_argument, load_hindsight
from helpers.core.check import all_schemas, check_file
from helpers.core.schema import DataError, DataErrors, Schema, resource_schema
from helpers.relations.data import load_events, load_phases
from helpers.triangle.data import load_triangle_periods


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def test_a_blank_line_does_not_shift_the_reported_line(corrupt):
    def change(text):
        lines = _lines(text)
        lines.insert(1, "\n")  # blank line 2: the first data row is now on line 3
        lines[3] = lines[3].replace(lines[3].split(",")[1], "not-a-date", 1)
        return "".join(lines)

    with pytest.raises(DataError) as info:
        load_events(corrupt("events.csv", change))
    assert info.value.line == 4 and info.value.column == "date"
    assert "line 4, column 'date'" in str(info.value)


def test_a_quoted_cell_spanning_lines_reports_where_its_row_starts(corrupt):
    def change(text):
        lines = _lines(text)
        first = lines[1].split(",", 5)  # event_id,date,end_date,precision,title,rest
        lines[1] = ",".join(first[:4]) + ',"A title\nover two lines",' + first[5]
        lines[2] = lines[2].replace(lines[2].split(",")[1], "soon", 1)
        return "".join(lines)

    with pytest.raises(DataError) as info:
        load_events(corrupt("events.csv", change))
    assert info.value.line == 4, str(info.value)  # row 3 of the table starts on line 4


def test_a_table_level_problem_names_the_real_line(corrupt):
    def change(text):  # make the second phase start before the first ends, after a blank line
        lines = _lines(text)
        lines.insert(2, "\n")
        lines[3] = lines[3].replace("1960-07-16,1989-05-16", "1955,1989-05-16", 1)
        return "".join(lines)

    with pytest.raises(DataError) as info:
        load_phases(corrupt("relations_phases.csv", change))
    assert info.value.line == 4 and info.value.column == "start"
    assert "starts before" in str(info.value)


def test_a_missing_dyad_names_the_period_first_line(corrupt):
    def change(text):
        lines = _lines(text)
        del lines[2]  # the second dyad of the first period
        return "".join(lines)

    with pytest.raises(DataError) as info:
        load_triangle_periods(corrupt("triangle_periods.csv", change))
    assert info.value.line == 2 and info.value.column == "dyad"


def test_a_broken_reference_is_caught_with_its_line(corrupt):
    def change(text):
        # row 3's claim_id becomes c999 (read with csv: other cells may hold quoted commas),
        # after a blank line inserted at the top, so that the row sits on the file's line 5
        rows = list(csv.reader(io.StringIO(text)))
        rows[3][rows[0].index("claim_id")] = "c999"
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(rows)
        lines = _lines(out.getvalue())
        lines.insert(1, "\n")
        return "".join(lines)

    with pytest.raises(DataError) as info:
        load_hindsight(corrupt("hindsight.csv", change))
    assert (info.value.line, info.value.column) == (5, "claim_id")
    assert "'c999' is not in data/claims.csv" in str(info.value)


def test_a_reference_can_be_checked_against_another_file(tmp_path, corrupt):
    nodes = corrupt("argument_nodes.csv", lambda t: t)
    edges = corrupt(
        "argument_edges.csv",
        lambda t: t.replace("p_independence,conclusion", "p_gone,conclusion", 1),
    )
    with pytest.raises(DataError, match="'p_gone' is not in data/argument_nodes.csv"):
        load_argument(nodes, edges)


def test_every_problem_in_a_file_at_once(corrupt):
    def change(text):
        lines = _lines(text)
        lines[1] = lines[1].replace(lines[1].split(",")[1], "soon", 1)
        lines[3] = lines[3].replace(",medium,", ",certain,", 1).replace(",high,", ",certain,", 1)
        return "".join(lines)

    path = corrupt("events.csv", change)
    problems = check_file(all_schemas()["events.csv"], path)
    assert [(p.line, p.column) for p in problems] == [(2, "date"), (4, "confidence")]
    with pytest.raises(DataErrors) as info:
        from helpers.core.tables import read_table

        read_table(all_schemas()["events.csv"], path, all_problems=True)
    assert "2 problems" in str(info.value) and "line 4, column 'confidence'" in str(info.value)


def test_the_command_line_check_reports_and_fails(corrupt):
    path = corrupt("claims.csv", lambda t: t.replace(",factual,", ",factoid,", 1))
    run = subprocess.run([sys.executable, "-m", "helpers.core.check", str(path)], cwd=ROOT,
                         capture_output=True, text=True)  # fmt: skip
    assert run.returncode == 1
    assert "column 'claim_type': unexpected value 'factoid'" in run.stdout
    ok = subprocess.run([sys.executable, "-m", "helpers.core.check", "claims.csv"], cwd=ROOT,
                        capture_output=True, text=True)  # fmt: skip
    assert ok.returncode == 0 and "data/claims.csv: ok" in ok.stdout


def test_an_unknown_resource_names_the_choices():
    with pytest.raises(KeyError, match="expected one of: .*events"):
        _ = Schema("evnets").fields


def test_schemas_read_no_file_until_used():
    code = (
        "from helpers.core import schema; import helpers.relations.data as d;"
        "assert not schema._PACKAGE; d.EVENTS.fields; assert schema._PACKAGE; print('ok')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == "ok", out.stderr


def test_resource_schema_keeps_python_checks():
    def no_rows(row):
        yield "title", "no"

    s = resource_schema("events", row_checks=(no_rows,))
    assert s.row_checks == (no_rows,) and s.filename == "events.csv"
