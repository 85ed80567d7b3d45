"""Headers every page answer carries, for the visitors' privacy, the forwarded headers a request
may carry, and the language a page is read in."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers

from servicemap.client_address import from_trusted_proxy
from servicemap.languages import language_named, preferred_language
from servicemap.problems import answers_in_json

FORWARDED_HEADERS = ("HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_FOR")


def forwarded_headers_from_trusted_proxies(get_response: Callable[[HttpRequest], HttpResponse]):
    """Drops X-Forwarded-Proto and -For unless our own proxy sent them: someone who reaches
    gunicorn directly must not pass a plain HTTP request off as HTTPS (SECURE_PROXY_SSL_HEADER)
    or pick the address their sign-in failures are counted against."""

    def middleware(request: HttpRequest) -> HttpResponse:
        if not from_trusted_proxy(request):
            for header in FORWARDED_HEADERS:
                request.META.pop(header, None)
        return get_response(request)

    return middleware


def privacy_headers(get_response: Callable[[HttpRequest], HttpResponse]):
    """Adds the Permissions-Policy and, on pages with a form, a referrer policy it can work with;
    keeps answers out of caches unless a view says otherwise.

    A page someone looked at must not be kept on their device for another person to find, so an
    answer that says nothing about caching is marked never to be stored. Static files are served
    before this runs (by WhiteNoise, with long cache lifetimes): they say nothing about anyone.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if settings.CSRF_COOKIE_NAME in response.cookies:
            # The page handed out a CSRF token, so it holds a form that posts back here. Under
            # the site's no-referrer policy the browser would send "Origin: null" with it, which
            # Django's CSRF check refuses; same-origin still tells other sites nothing.
            response.setdefault("Referrer-Policy", "same-origin")
        if not response.has_header("Cache-Control"):
            add_never_cache_headers(response)
        return response

    return middleware


# Open data: the Open Referral feed, and what the API gives to anyone who asks for it.
OPEN_DATA_PREFIXES = ("/openreferral/", "/api/v1/")
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
PREFLIGHT_MAX_AGE = "86400"


def open_data_cors(get_response: Callable[[HttpRequest], HttpResponse]):
    """Lets a page on any site read the feed and the API's public GETs, as the Open Referral UK
    rules ask ("Access-Control-Allow-Origin: *" on every response).

    On every answer, not only those to a request naming its Origin (as django-cors-headers does):
    the UK validator checks from a server, which sends none. Never with credentials, and never on
    the POST endpoints (the search, place suggestions): what a person answers is for our own
    pages, and those keep their CSRF and privacy rules. A preflight asks only about GET or HEAD.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(OPEN_DATA_PREFIXES) or request.method not in READ_METHODS:
            return get_response(request)
        asked = request.headers.get("Access-Control-Request-Method")
        if request.method == "OPTIONS" and asked is not None:
            if asked not in {"GET", "HEAD"}:
                return get_response(request)
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = "GET, HEAD"
            response["Access-Control-Allow-Headers"] = "Accept, If-None-Match, If-Modified-Since"
            response["Access-Control-Max-Age"] = PREFLIGHT_MAX_AGE
        else:
            response = get_response(request)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return middleware


def language_from_address(get_response: Callable[[HttpRequest], HttpResponse]):
    """Reads the page's language from its address alone (/ro/..., English unprefixed). Django's
    LocaleMiddleware also reads a language cookie and the browser's Accept-Language, and redirects
    an unprefixed address to that language; this never does, so a shared link opens in the
    language it was sent in and nothing on the device records a choice (servicemap/languages.py).

    The API and the Open Referral feed answer programs, whose addresses carry no language: they
    answer in the offered language the request's Accept-Language asks for, English otherwise, and
    say which in Content-Language."""

    def middleware(request: HttpRequest) -> HttpResponse:
        if answers_in_json(request.path_info):
            language = preferred_language(
                request.headers.get("Accept-Language", ""), settings.PUBLIC_LANGUAGES
            )
        else:
            language = translation.get_language_from_path(request.path_info)
        if language not in settings.PUBLIC_LANGUAGES:
            # A language not yet translated in full has no pages: its addresses are not found.
            language = settings.LANGUAGE_CODE
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = get_response(request)
        response.setdefault("Content-Language", language_named(language).tag)
        if len(settings.PUBLIC_LANGUAGES) > 1:
            # A page offers the language the browser asks for (site_components.language_choices).
            patch_vary_headers(response, ("Accept-Language",))
        return response

    return middleware
