"""Every formula on small hand-checked data.

The expected figures below were worked out by hand (see the comments), not by calling the
code under test, so a wrong formula cannot agree with itself.
"""

from __future__ import annotations

import pytest

from crisisplay.metrics.stats import ces, compare_estimates, csat, nps, wilson


def test_nps_value_shares_and_interval() -> None:
    # promoters 10,9,9,10,9 (5); passives 8,7 (2); detractors 6,5,3 (3); n = 10
    scores = [10, 9, 9, 8, 7, 6, 5, 10, 3, 9]
    est = nps(scores)
    assert est.value == pytest.approx(20.0)  # 50 % − 30 %
    assert est.n == 10
    assert (est.details["promoters"], est.details["passives"], est.details["detractors"]) == (
        5,
        2,
        3,
    )
    # var = (p + d − (p − d)²) / n = (0.5 + 0.3 − 0.04) / 10 = 0.076 → 760 pp²
    assert est.variance == pytest.approx(760.0)
    # 1.96 · sqrt(760) = 1.96 · 27.5681 = 54.0335
    assert est.margin == pytest.approx(54.0335, abs=1e-4)
    assert est.low == pytest.approx(-34.0335, abs=1e-4)
    assert est.high == pytest.approx(74.0335, abs=1e-4)


def test_nps_boundaries_of_the_categories() -> None:
    assert nps([9]).value == 100 and nps([10]).value == 100
    assert nps([7]).value == 0 and nps([8]).value == 0
    assert nps([6]).value == -100 and nps([0]).value == -100
    # all promoters: no spread at all
    assert nps([9, 10, 10]).variance == 0


def _answers(promoters: int, passives: int, detractors: int) -> list[int]:
    return [10] * promoters + [8] * passives + [0] * detractors


def test_nps_change_larger_than_noise() -> None:
    a = nps(_answers(50, 30, 20))  # NPS 30; var = (0.7 − 0.09)/100 = 0.0061 → 61 pp²
    b = nps(_answers(30, 30, 40))  # NPS −10; var = (0.7 − 0.01)/100 = 0.0069 → 69 pp²
    assert (a.value, b.value) == pytest.approx((30.0, -10.0))
    assert (a.variance, b.variance) == pytest.approx((61.0, 69.0))
    change = compare_estimates(a, b)
    assert change.delta == pytest.approx(-40.0)
    assert change.noise == pytest.approx(22.3474, abs=1e-4)  # 1.96 · sqrt(130)
    assert change.significant is True


def test_nps_change_within_noise() -> None:
    a = nps(_answers(50, 30, 20))  # 30, 61 pp²
    b = nps(_answers(45, 30, 25))  # 20; var = (0.7 − 0.04)/100 → 66 pp²
    change = compare_estimates(a, b)
    assert change.delta == pytest.approx(-10.0)
    assert change.noise == pytest.approx(22.0881, abs=1e-4)  # 1.96 · 11.2694
    assert change.significant is False


def test_wilson_interval_known_values() -> None:
    # 8 of 10: the textbook Wilson 95 % interval is 0.4902 … 0.9433
    low, high = wilson(8, 10)
    assert low == pytest.approx(0.4902, abs=1e-4)
    assert high == pytest.approx(0.9433, abs=1e-4)
    # 0 of 10 stays inside [0, 1]: 0 … 0.2775
    low, high = wilson(0, 10)
    assert low == 0.0
    assert high == pytest.approx(0.2775, abs=1e-4)


def test_csat_top_two_of_a_one_to_five_scale() -> None:
    scores = [5, 5, 4, 4, 4, 5, 4, 5, 2, 3]  # 8 of 10 answered 4 or 5
    est = csat(scores, satisfied_from=4)
    assert est.value == pytest.approx(80.0)
    assert est.details["satisfied"] == 8
    assert est.details["mean_score"] == pytest.approx(4.1)
    assert (est.low, est.high) == pytest.approx((49.02, 94.33), abs=0.01)
    assert est.variance == pytest.approx(160.0)  # 100² · 0.8 · 0.2 / 10
    # only the top box
    assert csat(scores, satisfied_from=5).value == pytest.approx(40.0)


def test_ces_mean_and_standard_error() -> None:
    est = ces([1, 2, 3, 4, 5])
    assert est.value == pytest.approx(3.0)
    # sd = sqrt(10 / 4) = 1.5811; se = 1.5811 / sqrt(5) = 0.7071
    assert est.details["sd"] == pytest.approx(1.5811, abs=1e-4)
    assert est.details["se"] == pytest.approx(0.7071, abs=1e-4)
    assert (est.low, est.high) == pytest.approx((1.6141, 4.3859), abs=1e-4)
    assert est.variance == pytest.approx(0.5)


def test_ces_single_answer_has_no_interval_and_no_verdict() -> None:
    one = ces([4])
    assert one.value == 4 and one.low is None and one.variance is None
    change = compare_estimates(one, ces([1, 2, 3]))
    assert change.delta == pytest.approx(-2.0)
    assert change.significant is None and change.noise is None


def test_no_answers_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        nps([])
    with pytest.raises(ValueError):
        wilson(0, 0)
