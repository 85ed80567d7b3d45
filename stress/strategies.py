"""Hostile requests to every public form and endpoint, as hypothesis strategies.

One module, used by the suite (tests/test_bad_input.py, a few dozen examples a strategy) and by
the long fuzz run (stress/fuzz.py, 100 000 requests), so both send the same kinds of input:
malformed, oversized (1 MB fields, 10 000 repeated parameters), wrong-typed, unicode (NUL bytes,
lone surrogates, right-to-left marks, emoji) and injection-shaped (SQL, HTML, path traversal,
header injection).

Each strategy draws a Probe: one request, with what its answer must show. A probe with a
``bad_field`` carries input that is certainly invalid in that field (and valid elsewhere), so its
answer must be a 400 naming the field; the rest may be answered any way but a server error.

Bodies and query strings are encoded here, by hand, from UTF-8 with lone surrogates passed
through: a browser cannot send those, but anyone with a socket can.
"""

import json
from dataclasses import dataclass, field
from urllib.parse import quote_from_bytes

from django.http import HttpResponse
from django.test import Client
from hypothesis import strategies as st

from services import finder_tokens
from services.eligibility import Gender, PersonInvolvement
from services.forms import FinderForm
from services.models import MAX_AGE, OfferCode, SuggestionKind

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"

# Real things from the reference data, so that valid neighbours of a bad field are truly valid.
AREA_CODES = ("S12000036", "S12000049", "S12000033")
SERVICE_SLUGS = ("roam", "another-way")
AREA_SLUGS = ("glasgow-city", "city-of-edinburgh")

INJECTIONS = (
    "' OR '1'='1",
    "1; DROP TABLE services_service; --",
    "Robert'); DELETE FROM geography_councilarea; --",
    '" UNION SELECT password FROM auth_user --',
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "{{ settings.SECRET_KEY }}",
    "{% debug %}",
    "${jndi:ldap://example.invalid/a}",
    "../../../../etc/passwd",
    "..%2f..%2f..%2fetc%2fpasswd",
    "%00",
    "\x00",
    "a\x00b",
    "\r\nSet-Cookie: tracked=yes",
    "\r\n\r\n<html>",
    "\u202egnp.exe",  # right-to-left override
    "\u200f\u0627\u0644\u0639\u0631\u0628\u064a\u0629",
    "🏳️‍⚧️🧑🏽‍🤝‍🧑🏻",
    "\ufeff\u200b\u2028\u2029",
    "\ud800",
    "\udfff\ud800",
    "NaN",
    "Infinity",
    "-Infinity",
    "1e309",
    "-0",
    "0x10",
    "9" * 400,
    "S12000036\x00",
    " S12000036 ",
    "s12000036",
    "true",
    "null",
    "[]",
    "{}",
)

# Oversized: about 1 MB (or just over a field's limit) of one character, multi-byte ones included.
OVERSIZED = st.builds(
    lambda chunk, size: chunk * max(1, size // len(chunk.encode("utf-8", "surrogatepass"))),
    st.sampled_from(["A", "é", "🙂", "<", "'", "\x00", "\ud800"]),
    st.sampled_from([101, 1_001, 65_536, 1_000_000]),
)

# Over a field's limit, yet inside Django's 2.5 MB for a whole body (which is refused whole,
# naming no field): for probes whose answer must name the field.
TOO_LONG = st.builds(
    lambda chunk, size: chunk * size,
    st.sampled_from(["A", "é", "🙂", "<", "'", "\ud800"]),
    st.sampled_from([101, 1_001, 65_536]),
)

UNICODE = st.text(
    st.characters(categories=["L", "M", "N", "P", "S", "Z", "Cc", "Cf", "Cs", "Co"]), max_size=40
)

NUMBERS_AS_TEXT = st.one_of(
    st.integers().map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.decimals(allow_nan=True).map(str),
)

# Any text at all, weighted towards what breaks things; the bounded kind fits in a body.
BOUNDED_TEXT = st.one_of(
    st.sampled_from(INJECTIONS),
    UNICODE,
    NUMBERS_AS_TEXT,
    st.text(max_size=20),
    st.sampled_from(INJECTIONS),
    UNICODE,
    TOO_LONG,
)
NASTY_TEXT = st.one_of(BOUNDED_TEXT, OVERSIZED)

# Names no form has ("limit" only the API takes), beside the real names each strategy adds.
JUNK_NAMES = st.one_of(st.sampled_from(["csrfmiddlewaretoken", "limit", "__proto__"]), UNICODE)

JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    NASTY_TEXT,
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=8,
)


@dataclass(frozen=True)
class Probe:
    """One request, and what its answer must show."""

    endpoint: str  # for reports, e.g. "POST /api/v1/search"
    method: str
    path: str  # with its query string, already encoded
    body: bytes = b""
    content_type: str = "application/octet-stream"
    meta: dict[str, str] = field(default_factory=dict)  # extra WSGI environ (HTTP_* headers)
    bad_field: str | None = None
    caseworker: bool = False  # sent signed in as a caseworker
    writes: bool = False  # the one public endpoint that may store something: a suggestion
    # A whole-page finder form, sent with a fresh single-use token as its page gives one (without
    # it the finder shows the empty form and reads nothing: services/finder_tokens.py).
    whole_page_form: bool = False

    @property
    def wants_json(self) -> bool:
        return self.path.startswith(("/api/", "/openreferral/"))


def send(client: Client, probe: Probe) -> HttpResponse:
    # A WSGI server hands headers over as bytes read as ISO-8859-1 (PEP 3333), whatever was sent.
    meta = {name: as_wsgi_text(value) for name, value in probe.meta.items()}
    body = probe.body
    if probe.whole_page_form:
        body += f"&{urlencoded([(finder_tokens.FIELD, finder_tokens.new_token())])}".encode()
    return client.generic(probe.method, probe.path, body, content_type=probe.content_type, **meta)


def as_wsgi_text(text: str) -> str:
    return text.encode("utf-8", "surrogatepass").decode("iso-8859-1")


def encoded(text: str) -> str:
    """Percent-encoded UTF-8, lone surrogates and all."""
    return quote_from_bytes(text.encode("utf-8", "surrogatepass"), safe="")


def urlencoded(pairs: list[tuple[str, str]]) -> str:
    # A field repeated 10 000 times is encoded once.
    done: dict[tuple[str, str], str] = {}
    for name, value in pairs:
        if (name, value) not in done:
            done[name, value] = f"{encoded(name)}={encoded(value)}"
    return "&".join(done[pair] for pair in pairs)


def json_body(value: object) -> bytes:
    """JSON as Python writes it: NaN and Infinity allowed, lone surrogates as \\ud800 escapes."""
    return json.dumps(value, allow_nan=True).encode()


# Bodies that are not what they claim to be.
MALFORMED_JSON = st.one_of(
    st.sampled_from(
        [
            b"",
            b"{",
            b'{"age": }',
            b'{"age": 1,}',
            b"[" * 100_000 + b"]" * 100_000,
            b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
            b'{"age": NaN}',
            b'{"age": 1e99999}',
            b'{"place": "\xff\xfe"}',
            b'{"place": "\\ud800"}',
            b'{"area": "S12000036", "area": "S12000049"}',
            b"\x00\x00\x00",
            b"null",
            b"[]",
            b'"text"',
            b"12",
        ]
    ),
    st.binary(max_size=200),
)


# Short text, for what is repeated: 10 000 copies of a 1 MB value would be 10 GB.
SHORT_TEXT = st.one_of(st.sampled_from(INJECTIONS), st.text(max_size=10))


def pairs_of(names: st.SearchStrategy[str], values: st.SearchStrategy[str]):
    """Form or query fields: a few, or the same one repeated up to 10 000 times."""
    few = st.lists(st.tuples(names, values), max_size=5)
    repeated = st.builds(
        lambda name, value, times: [(name, value)] * times,
        names,
        SHORT_TEXT,
        st.sampled_from([2, 1_001, 10_000]),
    )
    return st.one_of(few, few, few, repeated)


HEADER_VALUES = st.one_of(st.sampled_from(INJECTIONS), st.text(max_size=30))
HOSTILE_HEADERS = st.dictionaries(
    st.sampled_from(
        [
            "HTTP_HOST",
            "HTTP_X_FORWARDED_FOR",
            "HTTP_X_FORWARDED_PROTO",
            "HTTP_ACCEPT",
            "HTTP_ACCEPT_LANGUAGE",
            "HTTP_ACCEPT_ENCODING",
            "HTTP_COOKIE",
            "HTTP_REFERER",
            "HTTP_IF_NONE_MATCH",
            "HTTP_IF_MODIFIED_SINCE",
            "HTTP_X_FINDER_FRAGMENT",
            "HTTP_USER_AGENT",
        ]
    ),
    HEADER_VALUES,
    max_size=3,
)


# The finder (public and caseworkers') ------------------------------------------------------------

FINDER_FIELDS = tuple(FinderForm.base_fields)

CHOICES = {
    "gender": [value for value, _ in Gender.choices],
    "involvement": [value for value, _ in PersonInvolvement.choices],
    "trans": ["yes", "no"],
    "trafficked": ["yes", "no"],
    "needs": [value for value, _ in OfferCode.choices],
}


def not_one_of(allowed) -> st.SearchStrategy[str]:
    allowed = set(allowed)
    return BOUNDED_TEXT.filter(lambda text: text.strip() and text not in allowed)


# The API forgives case and spaces around a code (" s12000036 "); the finder's list does not.
NOT_AN_AREA_CODE = BOUNDED_TEXT.filter(
    lambda text: text.strip() and text.strip().upper() not in AREA_CODES
)


def not_a_number() -> st.SearchStrategy[str]:
    # Not "٣": Python reads other scripts' digits as numbers, and so do the forms, rightly.
    return st.sampled_from(["abc", "1,5", "NaN", "inf", "-Infinity", "1e309", "½", "1 2", "0x1"])


# Input each finder field must refuse, with the reason in its own error message.
FINDER_INVALID = {
    "place": st.one_of(
        st.builds(lambda text: text + "\x00", st.text(max_size=10)),
        st.text(min_size=101, max_size=200).filter(lambda text: len(text.strip()) > 100),
        TOO_LONG,
    ),
    "area": NOT_AN_AREA_CODE,
    "age": st.one_of(
        not_a_number(),
        st.integers(max_value=-1).map(str),
        st.integers(min_value=MAX_AGE + 1).map(str),
        st.sampled_from(["12.5", "1e3"]),
    ),
    "lon": st.one_of(not_a_number(), st.sampled_from(["180.5", "-999", "1e300"])),
    "lat": st.one_of(not_a_number(), st.sampled_from(["90.1", "-90.5", "1e300"])),
    **{name: not_one_of(choices) for name, choices in CHOICES.items()},
}

FINDER_VALID = {
    "place": st.sampled_from(["Inverness", "EH6 5AB", "EH6", "Nowhere at all", ""]),
    "area": st.sampled_from([*AREA_CODES, ""]),
    "age": st.integers(0, MAX_AGE).map(str),
    **{name: st.sampled_from([*choices, ""]) for name, choices in CHOICES.items()},
    "remote_only": st.sampled_from(["on", ""]),
    "include_not_eligible": st.sampled_from(["on", ""]),
}
# lon and lat only make sense together; their invalid probes send the other one valid.
POINT_PARTNER = {"lon": ("lat", "57.15"), "lat": ("lon", "-4.22")}


@st.composite
def valid_finder_fields(draw, leave_out: str = "") -> list[tuple[str, str]]:
    names = draw(st.lists(st.sampled_from(sorted(FINDER_VALID)), max_size=4, unique=True))
    pairs = [(name, draw(FINDER_VALID[name])) for name in names if name != leave_out]
    # One place at most, as the finder asks for one.
    places = [name for name, _ in pairs if name in ("place", "area")]
    return [(name, value) for name, value in pairs if name not in places[1:]]


@st.composite
def finder_with_a_bad_field(draw, path: str, fragment: bool, caseworker: bool) -> Probe:
    bad = draw(st.sampled_from(sorted(FINDER_INVALID)))
    pairs = draw(valid_finder_fields(leave_out=bad))
    pairs = [(name, value) for name, value in pairs if name not in ("place", "area")]
    pairs.append((bad, draw(FINDER_INVALID[bad])))
    if bad in POINT_PARTNER:
        pairs.append(POINT_PARTNER[bad])
    return Probe(
        f"POST {path}{' fragment' if fragment else ''}",
        "POST",
        path,
        urlencoded(draw(st.permutations(pairs))).encode(),
        FORM,
        {"HTTP_X_FINDER_FRAGMENT": "results"} if fragment else {},
        bad_field=bad,
        caseworker=caseworker,
        whole_page_form=not fragment,
    )


@st.composite
def finder_chaos(draw, path: str, caseworker: bool) -> Probe:
    method = draw(st.sampled_from(["GET", "POST", "POST", "POST", "PUT", "HEAD", "OPTIONS"]))
    pairs = draw(pairs_of(st.one_of(st.sampled_from(FINDER_FIELDS), JUNK_NAMES), NASTY_TEXT))
    body_kind = draw(st.sampled_from(["form", "form", "raw", "json"]))
    meta = draw(HOSTILE_HEADERS)
    if method == "GET":
        return Probe(f"GET {path}", "GET", f"{path}?{urlencoded(pairs)}", meta=meta)
    if body_kind == "form":
        body, content_type = urlencoded(pairs).encode(), FORM
    elif body_kind == "json":
        body, content_type = json_body(dict(pairs)), JSON
    else:
        body = draw(st.binary(max_size=300))
        content_type = draw(
            st.sampled_from([FORM, "multipart/form-data; boundary=x", "text/plain"])
        )
    return Probe(f"{method} {path}", method, path, body, content_type, meta, caseworker=caseworker)


def finder_probes(caseworker: bool = False) -> st.SearchStrategy[Probe]:
    path = "/caseworkers/" if caseworker else "/"
    return st.one_of(
        finder_with_a_bad_field(path, fragment=False, caseworker=caseworker),
        finder_with_a_bad_field(path, fragment=True, caseworker=caseworker),
        finder_chaos(path, caseworker),
    )


@st.composite
def referral_list_probes(draw) -> Probe:
    pairs = draw(pairs_of(st.one_of(st.just("service"), JUNK_NAMES), NASTY_TEXT))
    path = "/caseworkers/referral-list/"
    return Probe(f"POST {path}", "POST", path, urlencoded(pairs).encode(), FORM, caseworker=True)


# The suggestion form ----------------------------------------------------------------------------

SUGGESTION_INVALID = {
    "kind": not_one_of([value for value, _ in SuggestionKind.choices]),
    "source_url": st.sampled_from(
        ["not a url", "javascript:alert(1)", "http://", "https://" + "a" * 600, "http://\x00"]
    ),
    "details": st.sampled_from(["", "   ", "a\x00b"]),
}


@st.composite
def suggestion_probes(draw) -> Probe:
    path = "/suggest/new/"
    if draw(st.booleans()):
        bad = draw(st.sampled_from(sorted(SUGGESTION_INVALID)))
        pairs = {"kind": "new_service", "service_name": "A new service", "details": "Opened."}
        pairs[bad] = draw(SUGGESTION_INVALID[bad])
        body = urlencoded(list(pairs.items())).encode()
        return Probe(f"POST {path}", "POST", path, body, FORM, bad_field=bad, writes=True)
    names = st.one_of(
        st.sampled_from(["kind", "service", "service_name", "details", "source_url", "website"]),
        JUNK_NAMES,
    )
    pairs = draw(pairs_of(names, NASTY_TEXT))
    return Probe(
        f"POST {path}",
        "POST",
        path,
        urlencoded(pairs).encode(),
        FORM,
        draw(HOSTILE_HEADERS),
        writes=True,
    )


# The JSON API -----------------------------------------------------------------------------------

SEARCH_INVALID = {
    "area": st.one_of(NOT_AN_AREA_CODE, st.just(12), st.just([])),
    "place": st.one_of(TOO_LONG, st.just({})),
    "lon": st.one_of(not_a_number(), st.just(181), st.just([1])),
    "lat": st.one_of(not_a_number(), st.just(-91), st.just({"a": 1})),
    "age": st.one_of(not_a_number(), st.just(-1), st.just(MAX_AGE + 1), st.just(12.5)),
    "gender": st.one_of(not_one_of(CHOICES["gender"]), st.just(1), st.just(["woman"])),
    "involvement": not_one_of(CHOICES["involvement"]),
    "trans": st.sampled_from(["maybe", "2", [], {}, 7]),
    "trafficked": st.sampled_from(["perhaps", [True], 3.5]),
    "needs": st.one_of(
        st.lists(not_one_of(CHOICES["needs"]), min_size=1, max_size=3),
        st.sampled_from(["sexual_health", 5, {"a": 1}]),
    ),
    "remote_only": st.sampled_from(["sometimes", [], None]),
    "limit": st.sampled_from([0, -5, 10**9, "all"]),
}
SEARCH_FIELDS = (*SEARCH_INVALID, "include_not_eligible")
POINT_JSON_PARTNER = {"lon": ("lat", 57.15), "lat": ("lon", -4.22)}


@st.composite
def search_probes(draw) -> Probe:
    path = "/api/v1/search"
    kind = draw(st.sampled_from(["bad field", "bad field", "unknown field", "chaos", "malformed"]))
    if kind == "bad field":
        bad = draw(st.sampled_from(sorted(SEARCH_INVALID)))
        body = {bad: draw(SEARCH_INVALID[bad])}
        if bad in POINT_JSON_PARTNER:
            body.update([POINT_JSON_PARTNER[bad]])
        return Probe(f"POST {path}", "POST", path, json_body(body), JSON, bad_field=bad)
    if kind == "unknown field":
        name = draw(st.text(min_size=1, max_size=20).filter(lambda name: name not in SEARCH_FIELDS))
        # A small value: a body over Django's size limit is refused whole, naming no field. A
        # finite one: NaN or Infinity makes the body not JSON at all, refused before any field
        # is read ("malformed" probes that).
        finite = st.floats(allow_nan=False, allow_infinity=False)
        value = draw(st.one_of(st.none(), st.booleans(), finite, SHORT_TEXT))
        body = json_body({"area": AREA_CODES[0], name: value})
        return Probe(f"POST {path}", "POST", path, body, JSON, bad_field=name)
    if kind == "chaos":
        names = st.one_of(st.sampled_from(SEARCH_FIELDS), st.text(max_size=8))
        body = json_body(draw(st.one_of(st.dictionaries(names, JSON_VALUES), JSON_VALUES)))
        return Probe(f"POST {path}", "POST", path, body, JSON, draw(HOSTILE_HEADERS))
    content_type = draw(
        st.sampled_from([JSON, FORM, "text/plain", "application/json; charset=nonsense", ""])
    )
    return Probe(f"POST {path}", "POST", path, draw(MALFORMED_JSON), content_type or JSON)


@st.composite
def place_suggestion_probes(draw) -> Probe:
    path = "/api/v1/places/suggest"
    kind = draw(st.sampled_from(["bad field", "chaos", "malformed"]))
    if kind == "bad field":
        value = draw(st.one_of(TOO_LONG, st.just({})))
        return Probe(f"POST {path}", "POST", path, json_body({"q": value}), JSON, bad_field="q")
    if kind == "chaos":
        names = st.one_of(st.just("q"), st.text(max_size=8))
        body = json_body(draw(st.one_of(st.dictionaries(names, JSON_VALUES), JSON_VALUES)))
        return Probe(f"POST {path}", "POST", path, body, JSON, draw(HOSTILE_HEADERS))
    return Probe(f"POST {path}", "POST", path, draw(MALFORMED_JSON), JSON)


def query_probes(
    path: str, fields: dict[str, st.SearchStrategy[str]], invalid: dict[str, st.SearchStrategy]
):
    """A GET endpoint's query parameters: certainly bad ones, and anything at all."""

    @st.composite
    def probes(draw) -> Probe:
        if invalid and draw(st.booleans()):
            bad = draw(st.sampled_from(sorted(invalid)))
            pairs = [(bad, draw(invalid[bad]))]
            if bad in POINT_JSON_PARTNER:
                partner, value = POINT_JSON_PARTNER[bad]
                pairs.append((partner, str(value)))
            return Probe(f"GET {path}", "GET", f"{path}?{urlencoded(pairs)}", bad_field=bad)
        names = st.one_of(st.sampled_from(sorted(fields)), JUNK_NAMES)
        pairs = draw(pairs_of(names, st.one_of(NASTY_TEXT, *fields.values())))
        query = urlencoded(pairs)
        return Probe(f"GET {path}", "GET", f"{path}?{query}", meta=draw(HOSTILE_HEADERS))

    return probes()


# DRF reads many spellings of true, false and null; none of these is one.
NOT_A_BOOLEAN = st.sampled_from(["maybe", "2", "truthy", "<script>", "\x00", "真"])
PAGES = {"page": st.integers(-2, 5).map(str), "per_page": st.integers(-2, 200).map(str)}

AREA_LOOKUP = query_probes(
    "/api/v1/areas/lookup",
    {"lon": st.floats(-8, 0).map(str), "lat": st.floats(54, 61).map(str)},
    {
        "lon": st.one_of(not_a_number(), st.sampled_from(["181", "-1e9"])),
        "lat": st.one_of(not_a_number(), st.sampled_from(["91", "-1e9"])),
    },
)
SERVICE_LIST = query_probes(
    "/api/v1/services",
    {
        "area": st.sampled_from(AREA_CODES),
        "offer": st.sampled_from(CHOICES["needs"]),
        "remote": st.sampled_from(["true", "false"]),
        "page": PAGES["page"],
        "page_size": PAGES["per_page"],
    },
    {
        "area": NOT_AN_AREA_CODE,
        "offer": not_one_of(CHOICES["needs"]),
        "remote": NOT_A_BOOLEAN,
    },
)
OPEN_REFERRAL_SERVICES = query_probes(
    "/openreferral/services",
    {
        "search": st.sampled_from(["support", "Glasgow", ""]),
        "taxonomy_term_id": st.text(max_size=10),
        "taxonomy_id": st.text(max_size=10),
        "organization_id": st.uuids().map(str),
        "modified_after": st.datetimes().map(lambda moment: moment.isoformat()),
        "full": st.sampled_from(["true", "false"]),
        "format": st.sampled_from(["json", "xml", "api"]),
        **PAGES,
    },
    {
        "search": TOO_LONG,
        # An id the feed does not know is the standard's empty page, not bad input: only an id
        # longer than any id can be is refused.
        "taxonomy_term_id": TOO_LONG,
        "taxonomy_id": TOO_LONG,
        "organization_id": TOO_LONG,
        "modified_after": st.sampled_from(["yesterday", "2026-13-45", "1e9", "0000-00-00"]),
        "full": NOT_A_BOOLEAN,
    },
)
OPEN_REFERRAL_LISTS = st.one_of(
    query_probes("/openreferral/taxonomies", PAGES, {}),
    query_probes("/openreferral/taxonomy_terms", PAGES, {}),
)


@st.composite
def path_probes(draw) -> Probe:
    """A page or record addressed by something that is not a slug or an id."""
    prefix = draw(
        st.sampled_from(
            [
                "/services/",
                "/areas/",
                "/api/v1/services/",
                "/openreferral/services/",
                "/openreferral/taxonomies",
                "/openreferral/taxonomy_terms",
            ]
        )
    )
    segment = draw(NASTY_TEXT.filter(lambda text: text not in SERVICE_SLUGS + AREA_SLUGS))
    suffix = "/" if prefix in ("/services/", "/areas/") else ""
    path = f"{prefix}{encoded(segment)}{suffix}"
    return Probe(f"GET {prefix}…", "GET", path, meta=draw(HOSTILE_HEADERS))


@st.composite
def area_shapes_probes(draw) -> Probe:
    """The map's shapes with any caching and compression headers at all."""
    names = ["HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_ACCEPT_ENCODING", "HTTP_ACCEPT"]
    meta = draw(st.dictionaries(st.sampled_from(names), HEADER_VALUES, max_size=3))
    query = urlencoded(draw(pairs_of(JUNK_NAMES, NASTY_TEXT)))
    return Probe("GET /api/v1/areas", "GET", f"/api/v1/areas?{query}", meta=meta)


@st.composite
def public_page_probes(draw) -> Probe:
    """Every plain page, with hostile query strings and headers."""
    path = draw(
        st.sampled_from(
            [
                "/about/",
                "/privacy/",
                "/staying-safe/",
                "/statistics/",
                "/statistics/coverage-gap.csv",
                "/suggest/",
                "/suggest/new/",
                "/suggest/thanks/",
                "/leave",
                "/api/v1/docs",
                "/openreferral/",
                f"/services/{SERVICE_SLUGS[0]}/",
                f"/areas/{AREA_SLUGS[0]}/",
            ]
        )
    )
    query = urlencoded(draw(pairs_of(JUNK_NAMES, NASTY_TEXT)))
    method = draw(st.sampled_from(["GET", "GET", "HEAD", "POST", "DELETE"]))
    # A suggestion POSTed here is counted against the hourly limit (stored), not a read.
    writes = path == "/suggest/new/" and method == "POST"
    return Probe(
        f"{method} {path}", method, f"{path}?{query}", meta=draw(HOSTILE_HEADERS), writes=writes
    )


# Every public form and endpoint, as the long fuzz run draws them.
EVERY_PROBE = st.one_of(
    finder_probes(),
    finder_probes(caseworker=True),
    referral_list_probes(),
    suggestion_probes(),
    search_probes(),
    place_suggestion_probes(),
    AREA_LOOKUP,
    SERVICE_LIST,
    OPEN_REFERRAL_SERVICES,
    OPEN_REFERRAL_LISTS,
    path_probes(),
    area_shapes_probes(),
    public_page_probes(),
)
