"""Distances on the Earth's surface, for ranking services by how far away they are."""

import math

import numpy

EARTH_RADIUS_KM = 6371.0088  # the mean radius (IUGG)


def great_circle_km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Haversine distance: accurate to about 0.5%, far better than any base's address."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    half_dphi = (phi2 - phi1) / 2
    half_dlambda = math.radians(lon2 - lon1) / 2
    a = math.sin(half_dphi) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(half_dlambda) ** 2
    return _km_of_haversine(a)


def unit_vectors(lon: numpy.ndarray, lat: numpy.ndarray) -> numpy.ndarray:
    """Points on the unit sphere as three rows (x, y, z), of longitudes and latitudes in radians.

    Many distances from one point at once go through these: the squared chord between two of
    them, ``chords_km``'s input, is a few subtractions and squares, no trigonometry.
    """
    return numpy.array(
        (numpy.cos(lat) * numpy.cos(lon), numpy.cos(lat) * numpy.sin(lon), numpy.sin(lat))
    )


def chords_km(squared_chords: numpy.ndarray) -> list[float | None]:
    """The great-circle distances between unit vectors ``squared_chords`` apart, all at once
    (None for inf, "no point"): the same distances as great_circle_km, since the haversine is the
    squared half chord."""
    squared = numpy.asarray(squared_chords, dtype=float)
    half_chords = numpy.sqrt(numpy.minimum(1.0, squared / 4))
    kilometres = (2 * EARTH_RADIUS_KM * numpy.arcsin(half_chords)).tolist()
    return [
        None if math.isinf(chord) else km
        for chord, km in zip(squared.tolist(), kilometres, strict=True)
    ]


def _km_of_haversine(a: float) -> float:
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))
