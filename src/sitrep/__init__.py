"""sitrep: news articles in, a map of geolocated, dated, de-duplicated conflict events out."""

import logging

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
