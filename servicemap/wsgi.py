"""WSGI entry point (gunicorn servicemap.wsgi)."""

import gc
import os

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "servicemap.settings")

application = get_wsgi_application()

from django.conf import settings  # noqa: E402  (settings are ready only after the line above)

# Serving is where a placeholder key would do harm: refuse rather than start.
if not settings.DEBUG and not settings.SECRET_KEY_FROM_ENVIRONMENT:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment to serve the site.")

# What loading the project made (Django, its apps, numpy, shapely: about 200,000 objects) lives as
# long as the worker. Frozen, it is left out of the garbage collector's full passes, which then
# walk only what serving makes: a full pass while the search catalogue is built at 10,000
# services took about 100 ms each time, 50 ms with this (benchmarks/RESULTS.md).
gc.freeze()
