"""Settings for the service finder: one module, configured from the environment.

Every value a deployment changes comes from an environment variable (see README, "Configuration").
Defaults suit a developer's machine: SQLite in the project folder, nothing sent anywhere.
"""

import ipaddress
import math
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from servicemap.content_security import tile_server_source
from servicemap.gis_libraries import gdal_library_path, geos_library_path
from servicemap.languages import ENGLISH, field_in_language_name
from servicemap.languages import LANGUAGES as SITE_LANGUAGES

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_flag("DEBUG")

# Production refuses to serve without a real key (see servicemap/checks.py and wsgi.py); the
# placeholder only lets management commands and tests run on a developer's machine.
SECRET_KEY_FROM_ENVIRONMENT = bool(os.environ.get("SECRET_KEY"))
SECRET_KEY = os.environ.get("SECRET_KEY") or "development-only-key-never-used-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Before the admin, as its documentation asks: the services' and helplines' own words in each
    # language (services/translation.py, helplines/translation.py).
    "modeltranslation",
    # Django's admin with our site class: two-factor sign-in when ADMIN_TWO_FACTOR is on.
    "servicemap.apps.ServiceFinderAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "leaflet",
    "djgeojson",
    "csp",
    "statici18n",
    "rest_framework",
    "drf_spectacular",
    "import_export",
    "servicemap",
    "geography",
    "services",
    "helplines",
    "django_ratelimit",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    # First, so nothing believes a forwarded header that did not come through our own proxy.
    "servicemap.middleware.forwarded_headers_from_trusted_proxies",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Other sites' pages may read the Open Referral feed and the API's public GETs (no cookies).
    "servicemap.middleware.open_data_cors",
    # Pages and JSON go compressed to phones on poor signal (static files are compressed ahead
    # by WhiteNoise). Django pads each compressed body against BREACH; public pages hold no
    # secret to attack anyway.
    "django.middleware.gzip.GZipMiddleware",
    "csp.middleware.CSPMiddleware",
    "servicemap.middleware.privacy_headers",
    # A database that cannot be reached gives a 503 page that says to try again, not a 500.
    "servicemap.database_outage.DatabaseOutageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language from the address only (Django's LocaleMiddleware also reads a language
    # cookie and Accept-Language, and redirects to that language).
    "servicemap.middleware.language_from_address",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Records which signed-in admin made each change kept in history.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: refuses sign-in to a locked-out user and address.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "servicemap.urls"
# Form widgets render from the same template folders as pages (templates/services/widgets/…).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
WSGI_APPLICATION = "servicemap.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite in the project folder unless DATABASE_URL names another database
# (postgres://user:password@host:5432/name uses PostgreSQL through psycopg 3).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# A database that does not answer is given up on after this many seconds, so pages answer 503
# promptly (servicemap/database_outage.py) rather than hang. libpq cannot wait less than 2
# seconds, so our backend (servicemap/postgresql) keeps the deadline itself. SQLite has no such
# wait.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    connect_deadline = float(os.environ.get("DATABASE_CONNECT_TIMEOUT", "1.5"))
    DATABASES["default"]["ENGINE"] = "servicemap.postgresql"
    DATABASES["default"]["CONNECT_DEADLINE"] = connect_deadline
    # libpq's own limit ends the abandoned attempt soon after the deadline.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = max(
        2, math.ceil(connect_deadline)
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Every account can change what people in danger are told, so passwords are long ones.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    # django-axes first: it counts failed sign-ins and refuses locked-out ones.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Sign-in lockout (django-axes): this many failures for one user name from one address lock that
# pair out for AXES_COOLOFF_HOURS, and ACCOUNT_FAILURE_LIMIT failures from any addresses lock the
# user name out (servicemap/sign_in_lockout.py). Locking by user name at the lower limit would let
# anyone lock an admin out; by the pair alone, someone with many addresses could guess for ever.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
ACCOUNT_FAILURE_LIMIT = int(os.environ.get("ACCOUNT_FAILURE_LIMIT", "20"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "servicemap.sign_in_lockout.AccountCeilingHandler"
AXES_COOLOFF_TIME = timedelta(hours=float(os.environ.get("AXES_COOLOFF_HOURS", "1")))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "servicemap/locked_out.html"
# Only failed sign-ins are kept (to count them), not a log of every successful one.
AXES_DISABLE_ACCESS_LOG = True
AXES_CLIENT_IP_CALLABLE = "servicemap.client_address.client_address"

# Where admin lives, e.g. "staff-7f3a/": an address nobody guesses gets fewer attacks.
ADMIN_URL = os.environ.get("ADMIN_URL", "admin/")
if not ADMIN_URL.endswith("/") or ADMIN_URL.startswith("/"):
    raise ImproperlyConfigured(f"ADMIN_URL must look like 'admin/', not {ADMIN_URL!r}")
# Admin sign-in asks for a one-time code from an authenticator app (django-otp, TOTP); each admin
# adds their device under "TOTP devices" in admin before this is switched on.
ADMIN_TWO_FACTOR = env_flag("ADMIN_TWO_FACTOR")
OTP_TOTP_ISSUER = "Service finder"

LANGUAGE_CODE = ENGLISH.code
# The public pages' languages (servicemap/languages.py): each is part of the address, /ro/ etc.
LANGUAGES = [(language.code, language.name) for language in SITE_LANGUAGES]
# Listed and offered to people: those translated in full.
PUBLIC_LANGUAGES = tuple(language.code for language in SITE_LANGUAGES if language.complete)
LOCALE_PATHS = [BASE_DIR / "locale"]
# The JavaScript's catalogs (manage.py compilejsi18n, run by `make messages`): one file a language,
# static/jsi18n/<code>/djangojs.js, kept in the repository like the .mo files and served as any
# other static file. Only this project's djangojs catalogues go in (LOCALE_PATHS is always read;
# the package named adds no other folder), not the admin's and other apps' JavaScript strings.
# The words admins enter about services and helplines, kept in each language beside the English
# (django-modeltranslation): summary_ro, hours_ar, ... A page shows its own language's words where
# they exist and the English otherwise, marked "(in English)" (servicemap.languages.entered_text).
MODELTRANSLATION_DEFAULT_LANGUAGE = ENGLISH.code
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES)
MODELTRANSLATION_FALLBACK_LANGUAGES = (ENGLISH.code,)
# "Summary in Română", not "Summary [ro]", on the admin's forms.
MODELTRANSLATION_BUILD_LOCALIZED_VERBOSE_NAME = field_in_language_name
STATICI18N_ROOT = BASE_DIR / "static"
STATICI18N_PACKAGES = "servicemap"
# A date in each language's own long form: 4 December 2026, 2026年12月4日, 4 grudnia 2026.
FORMAT_MODULE_PATH = ["servicemap.formats"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    # The apps' static folders, less DRF's, which no page uses (finders.py).
    "servicemap.finders.UsedAppDirectoriesFinder",
    "servicemap.finders.PackageFilesFinder",
]
# Front-end packages come from npm (package.json; `make install` runs `npm ci`) and are served from
# node_modules, never copied into the repository. Each URL prefix names a package folder and the
# only files in it that pages use, so collectstatic ships nothing else. The design system's CSS
# has no web fonts and no outside URLs; its JavaScript is not listed because no page needs it yet
# (a page that does adds "scripts/design-system.js" and starts each component on its own: never
# DS.initAll(), which also starts the design system's tracking).
PACKAGE_STATIC_FILES = {
    "design-system": (
        BASE_DIR / "node_modules" / "@scottish-government" / "design-system" / "dist",
        ["css/design-system.min.css"],
    ),
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            # Our own CSS and JavaScript minified, then hashed and compressed (static_storage.py).
            else "servicemap.static_storage.MinifiedStaticFiles"
        )
    },
}

# django-leaflet's widgets load GDAL and GEOS through django.contrib.gis; both come from wheels.
GDAL_LIBRARY_PATH = gdal_library_path()
GEOS_LIBRARY_PATH = geos_library_path()

# Admin maps: no tile server by default, so an admin page makes no third-party request either.
# Set MAP_TILE_URL (and MAP_TILE_ATTRIBUTION) to draw a background map from a tile server.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "")
MAP_TILE_ATTRIBUTION = os.environ.get("MAP_TILE_ATTRIBUTION", "")
LEAFLET_CONFIG = {
    "DEFAULT_CENTER": (56.8, -4.2),
    "DEFAULT_ZOOM": 6,
    "MIN_ZOOM": 3,
    "MAX_ZOOM": 18,
    "RESET_VIEW": False,
    "TILES": [("Map", MAP_TILE_URL, {"attribution": MAP_TILE_ATTRIBUTION})] if MAP_TILE_URL else [],
}

# Reference data shared by the team's machines (boundaries, places, HSDS schemas). It is read from
# here by `make data` and the tests, never copied into the repository.
SHARED_DATA_DIR = Path(
    os.environ.get("SHARED_DATA") or BASE_DIR.parent / "shared" / "data"
).resolve()

# How often a process checks whether another process has imported new boundaries.
BOUNDARY_VERSION_CHECK_SECONDS = float(os.environ.get("BOUNDARY_VERSION_CHECK_SECONDS", "5"))

# How often a process checks whether services changed in another process (see catalogue.py).
CATALOGUE_VERSION_CHECK_SECONDS = float(os.environ.get("CATALOGUE_VERSION_CHECK_SECONDS", "5"))
# How long a process shows the helplines it read before reading them again (helplines/directory.py):
# an admin's edit reaches every page within this time, and a search asks no query for them.
HELPLINES_CHECK_SECONDS = float(os.environ.get("HELPLINES_CHECK_SECONDS", "60"))

# Every outbound HTTP request (boundary and data downloads) gives up after this many seconds.
OUTBOUND_TIMEOUT_SECONDS = float(os.environ.get("OUTBOUND_TIMEOUT_SECONDS", "60"))

# Where the quick exit ("Leave this site", Esc, Shift three times) sends people, through /leave,
# which also tells the browser to forget this site's cache, cookies and storage.
QUICK_EXIT_URL = os.environ.get("QUICK_EXIT_URL", "https://www.bbc.co.uk/weather")

# Pages load only this site's own files: no inline code, no other host (map tiles excepted, when a
# tile server is configured). Admin's map widgets too are started by a static script
# (geography/admin_map.js), so no page needs a nonce.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "img-src": [SELF, "data:", *([tile_server_source(MAP_TILE_URL)] if MAP_TILE_URL else [])],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}
# The finder may ask for the device's location on its own pages (never in a frame or for another
# site); no page may use the camera, microphone, payments or USB devices.
PERMISSIONS_POLICY = "geolocation=(self), camera=(), microphone=(), payment=(), usb=()"

SECURE_CONTENT_TYPE_NOSNIFF = True
# No site, not even this one, learns which page someone came from. Pages with a form that posts
# back here (sign-in, admin, the suggestion form) say "same-origin" instead (middleware.py): under
# no-referrer browsers send "Origin: null" with a form, and Django's CSRF check refuses it.
SECURE_REFERRER_POLICY = "no-referrer"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
# The suggestion form's CSRF cookie, the only one a public page sets, goes when the browser closes.
CSRF_COOKIE_AGE = None
# A refused form gets the site's own 403 page, which says nothing of why.
CSRF_FAILURE_VIEW = "servicemap.views.csrf_failure"
# Production is HTTPS only, by default: plain HTTP is redirected, and browsers are told (HSTS) for a
# year never to try it again. A development server (DEBUG on) speaks plain HTTP.
SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env_flag("SECURE_HSTS_PRELOAD", default=not DEBUG)
# Behind a reverse proxy that terminates TLS and sets X-Forwarded-Proto and X-Forwarded-For.
BEHIND_TLS_PROXY = env_flag("BEHIND_TLS_PROXY")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_TLS_PROXY else None
# The proxies whose forwarded headers are believed (addresses or networks): from anyone else they
# are the client's own invention (servicemap/client_address.py).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "127.0.0.1,::1")
for proxy in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(proxy)
    except ValueError as error:
        raise ImproperlyConfigured(
            f"TRUSTED_PROXIES must list addresses or networks (e.g. 10.0.0.0/8), not {proxy!r}"
        ) from error

# The development server's access log (django.server) keeps Django's format but loses query
# strings: what someone searched for must not end up in a log. gunicorn.conf.py does the same
# for production.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact_requests": {"()": "servicemap.log_filters.RedactRequestDetails"}},
    "formatters": {
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        }
    },
    "handlers": {
        # The app's own lines too (django.request names the path of a page not found).
        "console": {"class": "logging.StreamHandler", "filters": ["redact_requests"]},
        "django.server": {"class": "logging.StreamHandler", "formatter": "django.server"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.server": {
            "handlers": ["django.server"],
            "filters": ["redact_requests"],
            "level": "INFO",
            "propagate": False,
        },
    },
}

# The public JSON API: anonymous, JSON only (no browsable pages with their cookies and inline
# scripts), errors as RFC 9457 problem details.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_RENDERER_CLASSES": ["servicemap.api_json.SurrogateSafeJSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["servicemap.api_json.NestingSafeJSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "servicemap.problems.problem_details_handler",
    # "format" is HSDS's own query parameter in the Open Referral feed, not DRF's renderer switch.
    "URL_FORMAT_OVERRIDE": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Support finder API",
    "DESCRIPTION": (
        "Specialist support services in Scotland for people who sell or exchange sex: who each "
        "is for, where it works, and a search that says which a person can use and why."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # One name for each vocabulary wherever it appears (trans and non-binary share Inclusion).
    "ENUM_NAME_OVERRIDES": {
        "InclusionEnum": "services.models.Inclusion",
        "OfferCodeEnum": "services.models.OfferCode",
        "AccessCodeEnum": "services.models.AccessCode",
        "ConfidenceEnum": "services.models.Confidence",
        "ServiceStatusEnum": "services.models.ServiceStatus",
        "WorkingLanguageEnum": "services.models.WorkingLanguage",
    },
    "POSTPROCESSING_HOOKS": [
        # First, so that the enums of the answers defined as structures are named as the rest.
        "servicemap.api_structs.add_struct_components",
        "drf_spectacular.hooks.postprocess_schema_enums",
        "servicemap.api_links.add_links",
    ],
}

# Two caches. "default" keeps what any process can rebuild (the area shapes): Redis when CACHE_URL
# names one, otherwise each process's memory. "rate-limits" counts suggestions, and must be shared
# by every server process or each would allow its own quota: Redis when CACHE_URL names one,
# otherwise a table in the database (created by migration servicemap 0001).
REDIS_CACHE = {"BACKEND": "django.core.cache.backends.redis.RedisCache"}
CACHES = {
    "default": (
        {**REDIS_CACHE, "LOCATION": os.environ["CACHE_URL"]}
        if os.environ.get("CACHE_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    ),
    "rate-limits": (
        {**REDIS_CACHE, "LOCATION": os.environ["CACHE_URL"], "KEY_PREFIX": "rate-limits"}
        if os.environ.get("CACHE_URL")
        else {
            # Django's database cache, keeping each count for its whole hour and deleting it then.
            "BACKEND": "servicemap.rate_limits.RateLimitDatabaseCache",
            "LOCATION": "servicemap_rate_limits",
        }
    ),
}
RATELIMIT_USE_CACHE = "rate-limits"
# Counts are named by an HMAC of the client's address, not a plain hash (rate_limits.py).
RATELIMIT_HASH_ALGORITHM = "servicemap.rate_limits.keyed_hash"
# Count each visitor by their own address, not the reverse proxy's (see client_address.py).
RATELIMIT_IP_META_KEY = "servicemap.client_address.client_address"
# django-ratelimit warns about any cache but memcached and django-redis. Django's own Redis cache
# increments atomically; the database cache's count (rate_limits.py) can miss a request that
# arrives at the same instant as another, which a limit of a few an hour can bear.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]

# The suggestion form: at most this many suggestions an hour from one client.
SUGGESTIONS_PER_HOUR = int(os.environ.get("SUGGESTIONS_PER_HOUR", "5"))

# A service not checked with the service for this many days is shown as possibly out of date
# and waits in the admins' review queue.
VERIFICATION_PERIOD_DAYS = int(os.environ.get("VERIFICATION_PERIOD_DAYS", "183"))
