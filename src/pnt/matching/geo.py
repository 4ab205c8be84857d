"""Distances in km, and all pairs of points within a distance, without a dense matrix.

The core gets coordinates (WGS84 degrees) from the caller. For many-to-many matching it
finds the pairs within reach with a k-d tree on locally projected coordinates, then keeps
those whose great-circle distance is within the limit: a region has thousands of newcomers
and activities, but each person reaches only a few percent of them.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.spatial import cKDTree

EARTH_RADIUS_KM = 6371.0088
KM_PER_DEGREE = EARTH_RADIUS_KM * np.pi / 180.0


def haversine_km(lat1: ArrayLike, lon1: ArrayLike, lat2: ArrayLike, lon2: ArrayLike) -> NDArray:
    """Great-circle distance in km between points given in degrees (broadcasts like numpy)."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp = p2 - p1
    dl = np.radians(np.asarray(lon2) - np.asarray(lon1))
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))


def _project(lat: NDArray, lon: NDArray, lat0: float) -> NDArray:
    # An equirectangular projection around the mean latitude: within Flanders (about 150 km
    # north-south) it is exact to well under 1 %, and the haversine check below is exact.
    return np.column_stack((lon * np.cos(np.radians(lat0)), lat)) * KM_PER_DEGREE


def _max_abs_lat(lat_a: NDArray, lat_b: NDArray) -> float:
    return float(max(np.abs(lat_a).max(), np.abs(lat_b).max()))


def pairs_within(
    lat_a: NDArray, lon_a: NDArray, lat_b: NDArray, lon_b: NDArray, max_km: NDArray | float
) -> tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.float64]]:
    """All pairs ``(i, j)`` with ``haversine(a_i, b_j) <= max_km[i]``, and their distances.

    ``max_km`` is one limit or one limit per point of ``a``. Guarantees: no pair within the
    limit is missed (the tree search uses a safety margin over the projection error) and none
    beyond it is returned. The order of the pairs is deterministic but unspecified.
    """
    lat_a, lon_a = np.asarray(lat_a, float), np.asarray(lon_a, float)
    lat_b, lon_b = np.asarray(lat_b, float), np.asarray(lon_b, float)
    limit = np.broadcast_to(np.asarray(max_km, float), lat_a.shape)
    empty = np.zeros(0, np.int64)
    if lat_a.size == 0 or lat_b.size == 0:
        return empty, empty, np.zeros(0)
    lat0 = float(np.mean(np.concatenate((lat_a, lat_b))))
    xy_a, tree_b = _project(lat_a, lon_a, lat0), cKDTree(_project(lat_b, lon_b, lat0))
    # The projection stretches east-west distances by at most cos(lat0) / cos(lat) at the
    # point farthest from the equator; widen the search by that factor so nothing is missed.
    stretch = max(1.0, np.cos(np.radians(lat0)) / np.cos(np.radians(_max_abs_lat(lat_a, lat_b))))
    found_i, found_j = [], []
    # Search each group of similar limits with its own radius: one radius for all (the
    # largest) would fetch several times more pairs than needed for walkers and cyclists.
    for rows in _limit_groups(limit):
        reach = float(limit[rows].max()) * stretch * 1.01 + 0.1
        found = cKDTree(xy_a[rows]).sparse_distance_matrix(tree_b, reach, output_type="ndarray")
        found_i.append(rows[found["i"]])
        found_j.append(found["j"].astype(np.int64))
    i, j = np.concatenate(found_i), np.concatenate(found_j)
    km = haversine_km(lat_a[i], lon_a[i], lat_b[j], lon_b[j])
    keep = km <= limit[i]
    return i[keep], j[keep], km[keep]


def _limit_groups(limit: NDArray, most: int = 8) -> list[NDArray[np.int64]]:
    """Row indices grouped by limit: one group per distinct limit, or ``most`` quantile bins."""
    values = np.unique(limit)
    if values.size > most:
        values = np.unique(np.quantile(limit, np.linspace(0, 1, most + 1)[1:], method="higher"))
    group = np.searchsorted(values, limit)  # each row joins the first bin edge >= its limit
    return [np.flatnonzero(group == g) for g in range(values.size) if (group == g).any()]
