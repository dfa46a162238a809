"""How far an IKM is from where a buyer wants delivery: great-circle distance between the seats
of the regions (kota/kabupaten) of the demo and the Cilegon case.

`catalog.Region` has no coordinates and catalog imports no other app, so the seats of the
regions we serve are kept here by slug (from public maps, rounded to 0.01°). A region not listed
falls back to "same province" in the matching; curators add a line here for a new region.
"""

import math

REGION_SEATS = {
    "kota-cirebon": (-6.71, 108.56),
    "kabupaten-cirebon": (-6.76, 108.48),
    "kabupaten-indramayu": (-6.34, 108.33),
    "kabupaten-majalengka": (-6.84, 108.23),
    "kabupaten-kuningan": (-6.98, 108.48),
    "kota-cilegon": (-6.00, 106.01),
    "kota-serang": (-6.11, 106.16),
    "kabupaten-serang": (-6.12, 106.15),
    "kota-tangerang": (-6.18, 106.63),
    "kota-bandung": (-6.91, 107.61),
    "dki-jakarta": (-6.18, 106.83),
}
EARTH_RADIUS_KM = 6371.0


def distance_km(region_a, region_b):
    """Kilometres between two regions' seats, or None when either is unknown."""
    if region_a is None or region_b is None:
        return None
    if region_a.pk == region_b.pk:
        return 0.0
    a = REGION_SEATS.get(region_a.slug)
    b = REGION_SEATS.get(region_b.slug)
    if a is None or b is None:
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))
