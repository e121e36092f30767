"""Lesson 01 logic: date arithmetic, ledger queries and charts (widgets: test_ledger_widgets)."""

from __future__ import annotations

import datetime as dt

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from helpers.ledger.charts import STATUS_STYLE, plot_cited_events, plot_claims_by
from helpers.ledger.data import load_claims
from helpers.ledger.model import (
    claims_by,
    compare_classifications,
    days_between,
    filter_claims,
    months_between,
    percent_off,
    share_checkable,
    uncovered_paragraphs,
    years_between,
)
from helpers.relations.data import load_events


@pytest.fixture(scope="module")
def claims() -> pd.DataFrame:
    return load_claims()


# --- dates --------------------------------------------------------------------------------------


def test_months_between_the_brasilia_summit_and_the_visit():
    assert months_between("2019-11-14", "2022-02-04") == 26.7
    assert months_between("2019-11-13", "2022-02-04") == 26.7
    assert months_between(dt.date(2022, 1, 4), "2022-02-04") == 1.0
    assert months_between("2022-02-04", "2022-02-04") == 0.0


def test_days_and_years_between():
    assert days_between("1914-06-28", "1914-07-28") == 30
    assert days_between(pd.Timestamp("2020-02-28"), "2020-03-01") == 2  # a leap year
    assert years_between("1991-12-26", "2022-02-04") == 30.11


def test_dates_in_the_wrong_order_are_explained():
    with pytest.raises(ValueError, match="end date 2019-11-14 is before the start date 2022-02-04"):
        months_between("2022-02-04", "2019-11-14")


def test_unreadable_dates_are_explained():
    with pytest.raises(
        ValueError, match=r"cannot read '14 Nov 2019' as the start date.*YYYY-MM-DD"
    ):
        months_between("14 Nov 2019", "2022-02-04")
    with pytest.raises(TypeError, match="not int"):
        days_between(2019, "2022-02-04")


def test_percent_off():
    assert percent_off(25, 26.7) == -6.4
    assert percent_off(5400, 5364) == 0.7
    with pytest.raises(ValueError, match="checked number is 0"):
        percent_off(3, 0)


# --- ledger queries -----------------------------------------------------------------------------


def test_filter_claims_by_each_menu(claims):
    errors = filter_claims(claims, check_status="error")
    assert set(errors["claim_id"]) == set(claims.loc[claims["check_status"] == "error", "claim_id"])
    assert len(errors) == 3
    assert errors["quotation"].str.contains("Democracy Summit").any()
    trade = filter_claims(claims, topic="trade", claim_type="factual")
    assert (trade["topic"] == "trade").all() and (trade["claim_type"] == "factual").all()
    assert len(filter_claims(claims, claim_type="all", topic=None)) == len(claims)
    assert set(filter_claims(claims, paragraph=14)["paragraph"]) == {14}


def test_filter_claims_rejects_unknown_values_with_the_choices(claims):
    with pytest.raises(
        ValueError,
        match="unknown claim_type 'opinion'; expected one of: all, "
        "factual, interpretive, predictive, normative",
    ):
        filter_claims(claims, claim_type="opinion")
    with pytest.raises(ValueError, match="unknown paragraph 18"):
        filter_claims(claims, paragraph=18)


def test_claims_by_keeps_order_and_zeros(claims):
    counts = claims_by(claims, "claim_type")
    assert list(counts.index) == ["factual", "interpretive", "predictive", "normative"]
    assert counts.sum() == len(claims)
    assert counts["factual"] == (claims["claim_type"] == "factual").sum()
    none = claims_by(claims.iloc[0:0], "topic")
    assert len(none) == 6 and none.sum() == 0
    with pytest.raises(ValueError, match="cannot count by 'colour'"):
        claims_by(claims, "colour")


def test_share_checkable(claims):
    expected = (claims["check_status"] != "not checkable").mean()
    assert share_checkable(claims) == round(expected, 3)
    assert 0.5 < share_checkable(claims) < 0.8
    only_opinions = claims[claims["claim_type"] == "normative"]
    assert share_checkable(only_opinions) == 0.0
    with pytest.raises(ValueError, match="no claims"):
        share_checkable(claims.iloc[0:0])


def test_uncovered_paragraphs():
    assert uncovered_paragraphs(range(1, 18)) == []
    assert uncovered_paragraphs([1, 1, 17]) == list(range(2, 17))


def test_compare_classifications(claims):
    ids = claims["claim_id"].tolist()
    truth = claims.set_index("claim_id")["claim_type"]
    table = compare_classifications(claims, {ids[0]: truth[ids[0]].upper(), ids[1]: "normative"})
    assert table["match"].tolist() == [True, truth[ids[1]] == "normative"]
    with pytest.raises(ValueError, match="unknown claim type 'opinion'"):
        compare_classifications(claims, {ids[0]: "opinion"})
    with pytest.raises(ValueError, match="unknown claim_id 'c99'"):
        compare_classifications(claims, {"c99": "factual"})


# --- charts -------------------------------------------------------------------------------------


def test_claims_by_chart_stacks_statuses(claims):
    ax = plot_claims_by(claims, "claim_type")
    totals = [int(t.get_text()) for t in ax.texts if t.get_text().isdigit()]
    assert totals == claims_by(claims, "claim_type").tolist()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == list(STATUS_STYLE)
    hatches = {p.get_hatch() for p in ax.patches}
    assert {"xx", "//", ".."} <= hatches  # statuses differ by hatch, not only colour
    assert ax.texts[-1].get_text().startswith("Source:")
    plt.close(ax.figure)
    with pytest.raises(ValueError, match="expected one of: claim_type, topic"):
        plot_claims_by(claims, "status")


def test_cited_events_chart_marks_paragraphs():
    events = load_events()
    ax = plot_cited_events(events)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert any("Summit for Democracy" in label for label in labels)
    assert not any("invades Ukraine" in label for label in labels)  # hindsight left out
    cited = events[events["commentary_paragraphs"].map(bool) & (events["date"] <= "2022-02-04")]
    assert len(cited) == len(labels)
    paragraphs = [label.split("¶ ")[1] for label in labels]  # every row names its paragraphs
    assert "14" in paragraphs
    assert "2021  Summit for Democracy  ¶ 14" in labels
    plt.close(ax.figure)
