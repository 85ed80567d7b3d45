from django.http import JsonResponse
from django.views.decorators.http import require_safe

from geography.geojson import area_feature_collection
from geography.models import CouncilArea


@require_safe
def area_shapes(request):
    """Every council area's simplified shape, for the maps on public and admin pages."""
    areas = CouncilArea.objects.only("code", "name", "slug", "display_boundary")
    return JsonResponse(area_feature_collection(list(areas)), content_type="application/geo+json")
