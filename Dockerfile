# The service finder as one image: gunicorn serving the app, static files included (WhiteNoise).
#
# NOT BUILT on the machines it was written on: they have no access to a container registry, so
# neither this file nor compose.yaml has been run. They are kept simple so that they are easy to
# check by eye; build and try the image before you rely on it. docs/deploy.md explains how.
#
#   docker build -t servicefinder .
#
# The image holds no secrets and no data: DATABASE_URL, SECRET_KEY and ALLOWED_HOSTS come from
# the environment at run time (see compose.yaml), and the database is migrated and filled by
# one-off commands (docs/deploy.md, "Containers").

# Stage 1: the front-end packages exactly as package-lock.json pins them. Only the runtime ones:
# the dev dependencies (axe-core) are for the tests.
FROM node:22-slim AS frontend
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# Stage 2: the app. Every Python dependency (GDAL and GEOS included, inside the pyogrio and shapely
# wheels) installs from wheels, so the slim image needs no compiler and no system GIS packages.
FROM python:3.11-slim

# The app writes nothing to disk at run time (logs go to standard output), so it runs as a user
# that owns nothing in the image. Numeric ids, so that a host or an orchestrator can tell it is not
# root without looking the name up.
RUN groupadd --system --gid 10001 finder \
    && useradd --system --no-create-home --uid 10001 --gid finder finder

# The app runs from its own folder (settings find templates, static files, node_modules and
# fixtures beside the code), so the project is installed in place.
WORKDIR /app
COPY pyproject.toml README.md manage.py gunicorn.conf.py ./
COPY servicemap ./servicemap
COPY services ./services
COPY geography ./geography
COPY templates ./templates
COPY static ./static
COPY fixtures ./fixtures
COPY --from=frontend /build/node_modules ./node_modules

# The project and its pinned dependencies, then hashed, compressed copies of the static files for
# WhiteNoise. Settings fall back to a placeholder key here, which is harmless: collectstatic serves
# nothing, and wsgi.py refuses to serve without a real key.
RUN pip install --no-cache-dir --disable-pip-version-check --editable . \
    && python manage.py collectstatic --noinput --verbosity 0

USER 10001:10001

EXPOSE 8000

# Healthy when a page that reads the database answers without a server error: a 503 means the
# database cannot be reached. The request names the first allowed host and, as the proxy does, says
# it came over HTTPS, so neither the host check nor the HTTPS redirect answers in the page's place.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["python", "-c", "import http.client, os; c = http.client.HTTPConnection('127.0.0.1', 8000, timeout=4); c.request('GET', '/api/v1/services?page_size=1', headers={'Host': os.environ.get('ALLOWED_HOSTS', 'localhost').split(',')[0].strip(), 'X-Forwarded-Proto': 'https'}); raise SystemExit(c.getresponse().status >= 500)"]

# gunicorn.conf.py keeps client addresses and query strings out of the logs. WEB_CONCURRENCY (read
# by gunicorn) sets the number of worker processes; about two per CPU core. gunicorn's control
# socket would live in a home folder this user does not have, and a container is managed from
# outside anyway.
CMD ["gunicorn", "servicemap.wsgi", "--config", "gunicorn.conf.py", "--bind", "0.0.0.0:8000", "--no-control-socket"]
