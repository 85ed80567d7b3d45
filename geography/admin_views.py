"""Admin-only JSON answers for the map widgets: where a typed postcode or place name is.

The answer comes from our own gazetteer (geography/locate.py), so nothing typed leaves the
server. It is a POST, so the text never appears in a URL or an access log.
"""

from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from geography.forms import PlaceOrPostcodeForm
from geography.locate import locate_text
from geography.places import parse_postcode

# HTTP's own word for "which of these did you mean?": the answer lists the choices.
MULTIPLE_CHOICES = 300
# Understood, but not exact enough to say where a building is.
UNPROCESSABLE = 422


@never_cache
@require_POST
def locate_place_or_postcode(request: HttpRequest) -> JsonResponse:
    form = PlaceOrPostcodeForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"message": " ".join(form.errors["text"])}, status=400)
    text = form.cleaned_data["text"]
    postcode = parse_postcode(text)
    if postcode is not None and not postcode.inward:
        # A district's middle can be kilometres from a building: fine for a visitor's search,
        # wrong for where a service is.
        return JsonResponse(
            {
                "message": f"{postcode} is a whole postcode district. Enter the full postcode, "
                "like EH6 5AB, to place the location.",
            },
            status=UNPROCESSABLE,
        )
    located = locate_text(text)
    if located.point is None:
        status = MULTIPLE_CHOICES if located.choices else 404
        return JsonResponse(
            {"message": located.message, "choices": list(located.choices)}, status=status
        )
    lon, lat = located.point
    return JsonResponse(
        {
            "point": {"type": "Point", "coordinates": [lon, lat]},
            "council_area": located.area.name if located.area else "",
            "message": located.message,
        }
    )
