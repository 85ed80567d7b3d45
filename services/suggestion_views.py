"""The public "suggest a service or a correction" form.

It is the only public page that may set a cookie (the CSRF token), and only once the visitor
chooses to use it: the page that explains it sets none. Bots are turned away by a honeypot field
and a per-client rate limit; django-ratelimit keeps only a count under a keyed hash of the
client's address, for an hour (servicemap/rate_limits.py). Nothing is emailed from the server.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe
from django_ratelimit.core import is_ratelimited

from services.forms import SuggestionForm


@require_safe
def suggest(request: HttpRequest) -> HttpResponse:
    return render(request, "services/suggest.html")


@require_http_methods(["GET", "POST"])
def suggest_form(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return render(request, "services/suggest_form.html", {"form": SuggestionForm()})
    if is_ratelimited(
        request,
        group="suggestions",
        key="ip",
        rate=f"{settings.SUGGESTIONS_PER_HOUR}/h",
        method="POST",
        increment=True,
    ):
        return render(request, "services/suggest_limited.html", status=429)
    form = SuggestionForm(request.POST)
    if not form.is_valid():
        return render(request, "services/suggest_form.html", {"form": form}, status=400)
    if not form.is_from_a_bot:
        form.save()
    # A bot is thanked like anyone else, so it learns nothing from the honeypot.
    return redirect("suggest-thanks")


@require_safe
def suggest_thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "services/suggest_thanks.html")
