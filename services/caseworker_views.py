"""Pages for caseworkers: the finder with every verdict shown, and a referral list to print.

Nothing about a client is stored or sent: the answers and the chosen services live only in the
request that carries them, and nothing is emailed from the server.
"""

from functools import wraps

from django.contrib.auth import views as auth_views
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from services.catalogue import published_services
from services.eligibility import ServiceRules, who_it_is_for
from services.roles import is_caseworker, needs_second_factor
from services.templatetags.finder import service_facts
from services.views import finder_response
from services.ways_forward import ways_forward_anywhere


def caseworker_required(view):
    """Signed out: to the sign-in page. Signed in with an account that may not use these pages:
    a page that says so (sending it to sign in again would send it straight back here)."""

    @wraps(view)
    def checked(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("caseworker-login"))
        if not is_caseworker(request.user):
            context = {"needs_second_factor": needs_second_factor(request.user)}
            return render(request, "services/caseworker_refused.html", context, status=403)
        return view(request, *args, **kwargs)

    return checked


@csrf_exempt  # read-only, like the public finder
@caseworker_required
@require_http_methods(["GET", "POST"])
def caseworker_finder(request: HttpRequest) -> HttpResponse:
    return finder_response(request, "services/caseworker_finder.html", caseworker=True)


@csrf_exempt  # read-only: it renders the chosen services and keeps nothing
@caseworker_required
@require_POST
def referral_list(request: HttpRequest) -> HttpResponse:
    chosen = request.POST.getlist("service")
    services = published_services().filter(slug__in=chosen)
    entries = [
        {
            "service": service,
            "who_it_is_for": who_it_is_for(ServiceRules.of(service)),
            **service_facts(service),
        }
        for service in sorted(services, key=lambda service: chosen.index(service.slug))
    ]
    response = render(
        request,
        "services/referral_list.html",
        # The printout ends with where the client can go now, whatever was chosen.
        {"entries": entries, "ways_forward": ways_forward_anywhere()},
    )
    response["Cache-Control"] = "no-store"
    return response


class CaseworkerLoginView(auth_views.LoginView):
    template_name = "services/caseworker_login.html"

    @property
    def redirect_authenticated_user(self) -> bool:
        # Anyone else signed in may sign in again here, with a caseworker account.
        return is_caseworker(self.request.user)

    def get_default_redirect_url(self) -> str:
        return reverse_lazy("caseworker-finder")
