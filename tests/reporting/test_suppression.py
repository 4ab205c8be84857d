"""Small-cell suppression: small counts hidden, and no hidden count recoverable by
subtraction from a total."""

from __future__ import annotations

from itertools import product

import pytest

from pnt.reporting.suppression import (
    BASE,
    PRIMARY,
    SECONDARY,
    derived,
    primary,
    protect_counts,
)


def _recoverable(values: dict[str, int], cells, total: int, total_cell) -> set[str]:
    """Every hidden primary cell whose value is the only one consistent with what is shown
    (the reader knows the rule: "<5" is 1–4, "x" is 0 or ≥ 5, never a chosen zero)."""
    if total_cell.hidden:
        return set()
    hidden = [key for key, cell in cells.items() if cell.hidden]
    shown = sum(values[key] for key in values if not cells[key].hidden)
    rest = total - shown
    ranges = {
        key: range(1, 5) if cells[key].hidden == PRIMARY else range(5, rest + 1) for key in hidden
    }
    options = [combo for combo in product(*ranges.values()) if sum(combo) == rest]
    return {
        key
        for index, key in enumerate(hidden)
        if cells[key].hidden == PRIMARY and len({combo[index] for combo in options}) == 1
    }


def test_a_count_below_the_threshold_is_shown_as_less_than_five():
    assert primary(3).display == "<5"


def test_zero_is_shown():
    assert (primary(0).display, primary(0).hidden) == ("0", "")


def test_a_count_at_the_threshold_is_shown():
    assert primary(5).display == "5"


def test_the_threshold_comes_from_the_settings(settings):
    settings.PNT_SUPPRESSION_THRESHOLD = 10
    assert primary(7).display == "<10"


def test_a_median_over_few_people_is_hidden():
    assert (derived(12.5, 3, "days").display, derived(12.5, 3, "days").hidden) == ("n<5", BASE)


def test_one_hidden_part_cannot_be_recovered_by_subtracting_from_the_total():
    values = {"compulsory": 3, "voluntary": 40}
    cells, total = protect_counts(values, 43)
    # Without a second hidden cell, 43 − 40 would give the 3 away.
    assert cells["voluntary"].hidden or total.hidden


def test_the_subtraction_case_hides_the_smallest_other_part():
    values = {"a": 2, "b": 8, "c": 30}
    cells, total = protect_counts(values, 40)
    assert [cells[k].hidden for k in "abc"] == [PRIMARY, SECONDARY, ""]
    assert cells["b"].display == "x"


def test_hidden_cells_must_add_up_to_twice_the_threshold():
    # 1 + 5 = 6 would pin the 1 down (x ≥ 5 forces 1 + 5); a third cell is hidden.
    values = {"a": 1, "b": 5, "c": 6, "d": 50}
    cells, total = protect_counts(values, 62)
    assert {k for k in values if cells[k].hidden} == {"a", "b", "c"}
    assert _recoverable(values, cells, 62, total) == set()


def test_two_small_parts_alone_are_not_enough():
    # 4 + 4 = 8 with both "<5" can only be 4 and 4.
    values = {"a": 4, "b": 4, "c": 20}
    cells, total = protect_counts(values, 28)
    assert cells["c"].hidden == SECONDARY or total.hidden
    assert _recoverable(values, cells, 28, total) == set()


def test_the_total_is_hidden_when_no_other_part_can_be():
    values = {"a": 3, "b": 0}
    cells, total = protect_counts(values, 3)
    assert total.hidden
    assert cells["b"].display == "0"


def test_a_zero_is_never_the_second_hidden_cell():
    values = {"a": 3, "b": 0, "c": 12}
    cells, _total = protect_counts(values, 15)
    assert cells["b"].hidden == "" and cells["c"].hidden == SECONDARY


def test_a_hidden_total_is_not_the_sum_of_shown_parts():
    from pnt.reporting.suppression import Cell, protect_group

    cells = protect_group(
        {"t": Cell(20, "x", SECONDARY), "a": Cell(8, "8"), "b": Cell(12, "12")}, "t"
    )
    assert cells["a"].hidden == SECONDARY


@pytest.mark.parametrize(
    "values",
    [
        {"a": 1, "b": 9, "c": 9, "d": 9},
        {"a": 2, "b": 3, "c": 0, "d": 5},
        {"a": 4, "b": 5},
        {"a": 1, "b": 1, "c": 1, "d": 100},
        {"a": 3, "b": 6, "c": 7, "d": 8, "e": 9},
    ],
)
def test_no_small_count_is_ever_recoverable_from_the_total(values):
    total = sum(values.values())
    cells, total_cell = protect_counts(values, total)
    assert _recoverable(values, cells, total, total_cell) == set()
