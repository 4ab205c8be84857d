"""Great-circle distances between municipalities."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from pnt.geo.distance import cross_km, distance_km, haversine_km, pairwise_km
from pnt.geo.errors import GeoError
from pnt.geo.models import Municipality


def test_one_degree_along_the_equator_is_111_km():
    assert haversine_km(0, 0, 0, 1) == pytest.approx(111.195, abs=0.001)


def test_paris_to_london_is_about_344_km():
    assert haversine_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(343.6, abs=0.5)


def test_the_distance_is_symmetric_and_zero_to_itself():
    assert haversine_km(51.0, 4.4, 51.2, 4.9) == pytest.approx(haversine_km(51.2, 4.9, 51.0, 4.4))
    assert haversine_km(51.0, 4.4, 51.0, 4.4) == 0.0


@pytest.mark.django_db
def test_mechelen_to_lier_is_about_13_km_between_centroids():
    mechelen = Municipality.objects.get(nis_code="12025")
    lier = Municipality.objects.get(nis_code="12021")
    # Centres of area of the two municipalities (13.2 km); their town centres are 13.0 km apart.
    assert distance_km(mechelen, lier) == pytest.approx(13.2, abs=0.2)
    assert distance_km(lier, mechelen) == distance_km(mechelen, lier)


def test_a_place_without_centroid_has_no_distance():
    nowhere = SimpleNamespace(latitude=None, longitude=None)
    somewhere = SimpleNamespace(latitude=51.0, longitude=4.4)
    with pytest.raises(GeoError):
        distance_km(nowhere, somewhere)


def test_pairwise_matches_haversine_and_is_symmetric():
    lats, lons = [51.03, 51.13, 50.88], [4.44, 4.58, 4.70]
    matrix = pairwise_km(lats, lons)
    assert matrix.shape == (3, 3)
    assert np.allclose(matrix, matrix.T)
    assert np.allclose(np.diag(matrix), 0.0)
    assert matrix[0, 2] == pytest.approx(haversine_km(lats[0], lons[0], lats[2], lons[2]))


def test_cross_distances_have_one_row_per_origin():
    matrix = cross_km([51.0, 51.1], [4.4, 4.5], [50.9, 51.2, 51.3], [4.3, 4.6, 4.9])
    assert matrix.shape == (2, 3)
    assert matrix[1, 2] == pytest.approx(haversine_km(51.1, 4.5, 51.3, 4.9))
