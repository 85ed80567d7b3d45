"""Public pages. Each view checks its input, asks one function, and renders the answer."""

import csv

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from geography.models import AreaNote, CouncilArea, Country
from services import finder_tokens
from services.availability import coverage
from services.catalogue import published_services, reach_of
from services.eligibility import ServiceRules, inclusion_notes, who_it_is_for
from services.finder_map import map_before_any_answer, map_data
from services.forms import FinderForm
from services.queries import located_from, query_from
from services.search import SearchQuery, answer_groups, location_message, search, with_records
from services.spreadsheets import text_cell
from services.statistics import (
    CountedService,
    coverage_gap,
    directory_today,
    side_by_side,
    survey_as_recorded,
    survey_figures,
)
from services.templatetags.finder import service_facts
from services.ways_forward import ways_forward_anywhere, ways_forward_for
from services.wording import (
    WORDS_FOR_A_RECORD,
    WORDS_FOR_A_SERVICE_TO_CONTACT,
    left_out_text,
)

# A list longer than this helps nobody on a phone: the page says how many more there are.
RESULTS_ON_A_PAGE = 100


@csrf_exempt  # read-only: a CSRF token would mean a cookie, and public pages set none
@require_http_methods(["GET", "POST"])
def finder(request: HttpRequest) -> HttpResponse:
    """The question form; its answers are POSTed so nothing the person said enters a URL."""
    return finder_response(request, "services/finder.html")


def finder_response(request: HttpRequest, template: str, caseworker: bool = False) -> HttpResponse:
    """The finder's form and answer, for the public page and the caseworkers' page alike.

    finder.js asks for the results alone (header X-Finder-Fragment) to update the list in place.
    A whole page's answers are shown once only: a form sent again by Reload or Back, or from an
    old page, gets the empty form and says why (services/finder_tokens.py).
    """
    fragment = request.headers.get("X-Finder-Fragment") == "results"
    refusal = None
    if request.method == "POST" and not fragment:
        refusal = finder_tokens.use(request.POST.get(finder_tokens.FIELD, ""))
    form = FinderForm(request.POST if request.method == "POST" and not refusal else None)
    context = {
        "form": form,
        "caseworker": caseworker,
        "finder_token": {"field": finder_tokens.FIELD, "value": finder_tokens.new_token()},
        "refusal": refusal,
        "map_tile_url": settings.MAP_TILE_URL,
        "map_tile_attribution": settings.MAP_TILE_ATTRIBUTION,
    }
    status = 409 if refusal else 200
    if form.is_bound:
        if form.is_valid():
            answers = {**form.cleaned_data, "limit": RESULTS_ON_A_PAGE}
            if caseworker:
                # Caseworkers always see the services their client cannot use, and why.
                answers["include_not_eligible"] = True
            located = located_from(answers)
            outcome = with_records(search(query_from(answers, located)))
            context.update(
                outcome=outcome,
                # Only words each card: never kept, never a filter.
                chosen_language=answers.get("language") or "",
                location_message=location_message(outcome, located),
                located_area=located.area if located else None,
                place_choices=located.choices if located else (),
                groups=answer_groups(outcome, located.area if located else None),
                whole_page=not fragment,
                map_data=map_data(outcome, located.area if located else None),
                ways_forward=ways_forward_for(
                    outcome, located, answers.get("age"), frozenset(answers.get("needs") or ())
                ),
            )
        else:
            status = 400
    if not fragment:
        context["map_start"] = map_before_any_answer(caseworker, RESULTS_ON_A_PAGE)
    if form.is_bound and fragment:
        valid = status == 200
        template = (
            "services/includes/results.html" if valid else "includes/fields/error_summary.html"
        )
    response = render(request, template, context, status=status)
    if request.method == "POST":
        response["Cache-Control"] = "no-store"
    return response


@require_safe
def service_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A service's page. One the finder leaves out (closed, or not support a person can contact)
    keeps its page for caseworkers, but says so first and gives a next step instead of a way to
    get in touch."""
    service = get_object_or_404(published_services(), slug=slug)
    rules = ServiceRules.of(service)
    reach = reach_of(service)
    context = {
        "who_it_is_for": who_it_is_for(rules),
        "inclusion_notes": inclusion_notes(rules),
        "coverage": coverage(reach),
        "coverage_codes": [area.code for area in reach.areas],
        "words": WORDS_FOR_A_SERVICE_TO_CONTACT,
        **service_facts(service),
    }
    # A page left out of the finder says first what to do now; any other ends with it.
    context["ways_forward"] = ways_forward_anywhere(without_a_service=not service.in_finder)
    if not service.in_finder:
        context["left_out"] = left_out_text(
            service.listed_in_finder,
            service.not_listed_because,
            service.status,
            service.words.status_note,
            service.status_seen_on,
        )
        # Nothing on the page sends a person to it: no "check with the service before you go".
        context.update(words=WORDS_FOR_A_RECORD, may_be_out_of_date=False)
    return render(request, "services/service_detail.html", context)


@require_safe
def area_detail(request: HttpRequest, slug: str) -> HttpResponse:
    area = get_object_or_404(CouncilArea.objects.without_geometry(), slug=slug)
    outcome = with_records(search(SearchQuery(located=True, area=area, limit=RESULTS_ON_A_PAGE)))
    return render(
        request,
        "services/area_detail.html",
        {
            "area": area,
            "note": AreaNote.objects.filter(area=area).first(),
            "outcome": outcome,
            "ways_forward": ways_forward_anywhere(without_a_service=outcome.in_person_here == 0),
            "results": outcome.results,
            "highlight": [area.code],
        },
    )


@require_safe
def statistics(request: HttpRequest) -> HttpResponse:
    survey = survey_as_recorded()
    today = list(directory_today())
    gap = coverage_gap(today, list(_scottish_areas()))
    return render(
        request,
        "services/statistics.html",
        {
            "survey_count": len(survey),
            "today_count": len(today),
            "comparisons": side_by_side(
                survey_figures(survey),
                survey_figures([CountedService.of_service(service) for service in today]),
            ),
            "gap": gap,
            "areas_without": [area for area in gap if area.face_to_face == 0],
            "gap_values": {area.code: area.face_to_face for area in gap},
            "area_notes": AreaNote.objects.select_related("area").only(
                *AREA_NOTE_FIELDS, "area__name", "area__slug"
            ),
        },
    )


@require_safe
def coverage_gap_csv(request: HttpRequest) -> HttpResponse:
    gap = coverage_gap(list(directory_today()), list(_scottish_areas()))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="coverage-gap.csv"'
    writer = csv.writer(response)
    writer.writerow(["gss_code", "council_area", "face_to_face_services", "services"])
    for area in gap:
        row = [area.code, area.name, area.face_to_face, "; ".join(area.services)]
        writer.writerow([text_cell(value) for value in row])
    return response


AREA_NOTE_FIELDS = (
    "mainstream_understanding",
    "cse_working_group",
    "position_statement",
    "training",
    "notes",
)


def _scottish_areas():
    return CouncilArea.objects.without_geometry().filter(country=Country.SCOTLAND)
