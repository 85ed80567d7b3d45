"""WSGI entry point (gunicorn servicemap.wsgi)."""

import gc
import os
from importlib import import_module

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "servicemap.settings")

application = get_wsgi_application()

from django.conf import settings  # noqa: E402  (settings are ready only after the line above)

# Serving is where a placeholder key would do harm: refuse rather than start.
if not settings.DEBUG and not settings.SECRET_KEY_FROM_ENVIRONMENT:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment to serve the site.")

# What loading the project made (Django, its apps, numpy, shapely: about 200,000 objects) lives as
# long as the server. gunicorn loads it in its master (preload_app) and forks the workers from it:
# frozen, it is left out of the garbage collector's full passes, which then walk only what serving
# makes, and a worker's collections never write to the pages it shares with the others. And a
# pass starts after 10,000 new objects rather than Python's default 700: a search makes few
# objects, but rebuilding the catalogue at 10,000 services makes hundreds of thousands, and with
# the default each rebuild paid for several full passes. Measured with make bench at 10,000
# services (SQLite): rebuild 532 ms and first search after an edit 794 ms with the default, 486 ms
# and 584 ms with 10,000; searches unchanged (p50 2.2 ms, p95 2.8 to 2.9 ms either way).
# Every view module is imported here, in gunicorn's master, rather than by each worker's first
# request: what importing makes is then shared by the workers, not copied into each (10 MB a
# worker at 10,000 services, benchmarks/memory.py).
import_module(settings.ROOT_URLCONF)
gc.freeze()
gc.set_threshold(10_000, 10, 10)
