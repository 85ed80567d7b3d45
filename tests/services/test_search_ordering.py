"""The pure parts of the fast search: how results are ordered and how far away they are.

test_search_equivalence.py holds the whole search to the plain rules; these tables pin down the
cases a random crowd of services may miss: ties at the limit, services without a base, and
distances at both ends of the scale.
"""

import math

import numpy
import pytest

from geography.distance import EARTH_RADIUS_KM, chords_km, great_circle_km, unit_vectors
from services.search import _best_first

# (what it shows, ranks, squared chords, name order, limit, the candidates listed)
ORDERINGS = [
    ("verdict first, then distance", [1, 0, 0], [0.1, 0.3, 0.2], [0, 1, 2], None, [2, 1, 0]),
    ("no base is listed after every distance", [0, 0], [math.inf, 4.0], [0, 1], None, [1, 0]),
    ("equal distances go by name", [0, 0, 0], [0.2, 0.2, 0.1], [2, 1, 0], None, [2, 1, 0]),
    (
        "a tie at the limit is settled by name, not by position",
        [0, 0, 0, 0],
        [0.1, 0.3, 0.3, 0.3],
        [3, 2, 0, 1],
        2,
        [0, 2],
    ),
    (
        "a worse verdict never comes in at the limit, however near",
        [1, 0, 0],
        [0.0, 0.5, 0.6],
        [0, 1, 2],
        2,
        [1, 2],
    ),
    ("a limit beyond the candidates lists them all", [0, 0], [0.2, 0.1], [0, 1], 5, [1, 0]),
    (
        "without bases the limit goes by verdict, then name",
        [2, 0, 1, 0],
        [math.inf] * 4,
        [0, 3, 1, 2],
        3,
        [3, 1, 2],
    ),
]


@pytest.mark.parametrize(
    ("ranks", "squared_chords", "name_order", "limit", "expected"),
    [case[1:] for case in ORDERINGS],
    ids=[case[0] for case in ORDERINGS],
)
def test_results_are_listed_best_first(ranks, squared_chords, name_order, limit, expected):
    candidates = numpy.arange(len(ranks))

    chosen = _best_first(
        candidates,
        numpy.array(ranks, dtype=numpy.int8),
        numpy.array(squared_chords),
        numpy.array(name_order),
        limit,
    )

    assert chosen.tolist() == expected


# (from, to) as (longitude, latitude), and the distance in km: next door, across Scotland (Edinburgh
# to Lerwick, Glasgow to Aberdeen), across the world (Edinburgh to Sydney).
JOURNEYS = [
    ((-3.1883, 55.9533), (-3.1883, 55.9533), 0.0),
    ((-3.1883, 55.9533), (-3.1880, 55.9535), 0.03),
    ((-3.1883, 55.9533), (-1.1450, 60.1550), 482.0),
    ((-4.2518, 55.8642), (-2.0943, 57.1497), 194.8),
    ((-3.1883, 55.9533), (151.2093, -33.8688), 16875.0),
]


@pytest.mark.parametrize(("start", "end", "km"), JOURNEYS)
def test_the_chord_gives_the_haversine_distance(start, end, km):
    here = unit_vectors(math.radians(start[0]), math.radians(start[1]))
    there = unit_vectors(math.radians(end[0]), math.radians(end[1]))

    (distance,) = chords_km(numpy.array([numpy.square(here - there).sum()]))

    assert distance == pytest.approx(great_circle_km(*start, *end), abs=1e-6)
    assert distance == pytest.approx(km, rel=0.002, abs=0.01)


def test_a_base_on_the_far_side_of_the_earth_is_half_its_circumference_away_despite_rounding():
    # Two antipodal unit vectors' squared chord can come out a rounding error above 4.
    diameter_and_a_bit = 4.000000000000002

    (distance,) = chords_km(numpy.array([diameter_and_a_bit]))

    assert distance == pytest.approx(math.pi * EARTH_RADIUS_KM)
    assert great_circle_km(0.0, 0.0, 180.0, 0.0) == pytest.approx(math.pi * EARTH_RADIUS_KM)


def test_no_base_has_no_distance_and_leaves_the_others_theirs():
    assert chords_km(numpy.array([math.inf, 0.0, math.inf])) == [None, 0.0, None]


# Internal, on purpose: the pre-filter only acts when thousands of candidates meet a limit, which
# no search over the test database reaches.
@pytest.mark.parametrize("seed", range(8))
def test_the_pre_filter_never_drops_a_result_from_thousands_of_candidates(seed):
    chance = numpy.random.default_rng(seed)
    services, size = 10_000, 5_000
    name_order = chance.permutation(services)
    candidates = numpy.sort(chance.choice(services, size, replace=False))
    ranks = chance.integers(0, 2, size).astype(numpy.int8)
    # Few distinct distances, so that many candidates tie at every limit; some without a base.
    squared_chords = chance.choice([*numpy.linspace(0, 4, 40), math.inf], size)
    everything = candidates[numpy.lexsort((name_order[candidates], squared_chords, ranks))]

    for limit in (1, 2, 99, 100, 101, 1000, size - 1):
        chosen = _best_first(candidates, ranks, squared_chords, name_order, limit)

        assert chosen.tolist() == everything[:limit].tolist(), limit
