"""Public pages. Each view checks its input, asks one function, and renders the answer."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from geography.models import CouncilArea
from services.availability import coverage
from services.eligibility import ServiceRules, Status, who_it_is_for
from services.forms import FinderForm
from services.queries import located_from, query_from
from services.search import SearchQuery, location_message, published_services, reach_of, search


@csrf_exempt  # read-only: a CSRF token would mean a cookie, and public pages set none
@require_http_methods(["GET", "POST"])
def finder(request: HttpRequest) -> HttpResponse:
    """The question form; its answers are POSTed so nothing the person said enters a URL."""
    form = FinderForm(request.POST if request.method == "POST" else None)
    context = {"form": form}
    status = 200
    if request.method == "POST":
        if form.is_valid():
            located = located_from(form.cleaned_data)
            outcome = search(query_from(form.cleaned_data, located))
            context.update(
                outcome=outcome,
                location_message=location_message(outcome, located),
                located_area=located.area if located else None,
                groups=_grouped(outcome.results),
            )
        else:
            status = 400
    response = render(request, "services/finder.html", context, status=status)
    if request.method == "POST":
        response["Cache-Control"] = "no-store"
    return response


def _grouped(results: list) -> list[dict]:
    headings = {
        Status.ELIGIBLE: "Services for you",
        Status.UNCLEAR: "Services that may be for you: check with them",
        Status.NOT_ELIGIBLE: "Services that are not for you",
    }
    return [
        {"status": status, "heading": heading, "results": members}
        for status, heading in headings.items()
        if (members := [result for result in results if result.status is status])
    ]


@require_safe
def service_detail(request: HttpRequest, slug: str) -> HttpResponse:
    service = get_object_or_404(published_services().prefetch_related("sources"), slug=slug)
    return render(
        request,
        "services/service_detail.html",
        {
            "service": service,
            "who_it_is_for": who_it_is_for(ServiceRules.of(service)),
            "coverage": coverage(reach_of(service)),
        },
    )


@require_safe
def area_detail(request: HttpRequest, slug: str) -> HttpResponse:
    area = get_object_or_404(CouncilArea.objects.without_geometry(), slug=slug)
    outcome = search(SearchQuery(located=True, area=area))
    return render(
        request,
        "services/area_detail.html",
        {"area": area, "outcome": outcome, "results": outcome.results},
    )
