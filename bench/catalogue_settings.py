"""Settings of the catalogue benchmark's server: pnt's own, plus a bare view to compare with.

Only `bench/bench_catalogue.py` starts a server with these; production never loads them.
"""

from pnt.settings import *  # noqa: F403

ROOT_URLCONF = "bench.catalogue_urls"
DEBUG = False
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
