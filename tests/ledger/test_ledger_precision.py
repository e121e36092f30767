"""The published rule for "error" against "supported", applied to author and collection alike."""

from __future__ import annotations

import pytest

from helpers.core.schema import DataError
from helpers.ledger.data import load_claims
from helpers.ledger.model import months_between, years_between
from helpers.ledger.precision_data import precision_verdict, stated_tolerance


@pytest.mark.parametrize(
    ("value", "precision", "tolerance"),
    [(25, "as stated", 0.5), (30, "as stated", 5), (5400, "as stated", 50),
     (117.5, "as stated", 0.05), (250, "as stated", 5), (50, "exactly", 0.5), (1914, "date", 0),
     (1, "upper bound", 0)],
)  # fmt: skip
def test_tolerances(value, precision, tolerance):
    assert stated_tolerance(value, precision) == pytest.approx(tolerance)


def test_unknown_precision_is_refused():
    with pytest.raises(ValueError, match="precision"):
        stated_tolerance(3, "roughly")


def test_issue_examples_25_months_and_30_years():
    """Issue 18: by one rule, 25 against 26.7 months is an error and 30 against 29 years is not."""
    assert precision_verdict(25, 26.7) == "error"
    assert precision_verdict(30, 29) == "supported"
    assert precision_verdict(25, 25.4) == "supported"
    assert precision_verdict(30, 35.5) == "error"


def test_every_numeric_verdict_in_the_ledger_follows_the_rule():
    claims = load_claims()
    numeric = claims.dropna(subset=["value", "checked_value"])
    numeric = numeric[numeric["check_status"].isin(["supported", "error"])]
    assert len(numeric) >= 10
    for _, row in numeric.iterrows():
        assert row["precision"] is not None, row["claim_id"]
        verdict = precision_verdict(row["value"], row["checked_value"], row["precision"])
        assert verdict == row["check_status"], row["claim_id"]


@pytest.mark.parametrize(
    ("said", "precision", "actual"),
    [
        (
            27,
            "as stated",
            months_between("2019-11-13", "2022-02-04"),
        ),  # lesson 01: "about 27 months"
        (
            29,
            "as stated",
            years_between("1960-07-16", "1989-05-16"),
        ),  # lesson 00: "almost 29 years"
        (51.4, "as stated", years_between("1950-02-14", "2001-07-16")),  # lesson 00, exercise 0.2
        (11, "as stated", years_between("1949-10-01", "1960-07-16")),  # "about 11 years" (ex 0.1)
    ],
)
def test_the_collections_own_numbers_pass_the_same_rule(said, precision, actual):
    assert precision_verdict(said, actual, precision) == "supported"


def test_a_verdict_that_breaks_the_rule_does_not_load(corrupt):
    def flip(text: str) -> str:
        lines = text.splitlines(keepends=True)
        return "".join(line.replace(",error,26.7,", ",supported,26.7,") for line in lines)

    with pytest.raises(DataError) as err:
        load_claims(corrupt("claims.csv", flip))
    message = str(err.value)
    assert "claims.csv" in message and "check_status" in message and "precision rule" in message


def test_a_numeric_verdict_needs_its_precision(corrupt):
    path = corrupt("claims.csv", lambda t: t.replace(",error,26.7,as stated,", ",error,26.7,,"))
    with pytest.raises(DataError, match="precision"):
        load_claims(path)
