"""Pages for caseworkers: the finder with every verdict shown, and a referral list to print.

Nothing about a client is stored or sent: the answers and the chosen services live only in the
request that carries them, and nothing is emailed from the server.
"""

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import user_passes_test
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from services.catalogue import published_services
from services.eligibility import ServiceRules, who_it_is_for
from services.roles import is_caseworker
from services.templatetags.finder import service_facts
from services.views import finder_response

caseworker_required = user_passes_test(is_caseworker, login_url=reverse_lazy("caseworker-login"))


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
    services = published_services().prefetch_related("sources").filter(slug__in=chosen)
    entries = [
        {
            "service": service,
            "who_it_is_for": who_it_is_for(ServiceRules.of(service)),
            **service_facts(service),
        }
        for service in sorted(services, key=lambda service: chosen.index(service.slug))
    ]
    response = render(request, "services/referral_list.html", {"entries": entries})
    response["Cache-Control"] = "no-store"
    return response


class CaseworkerLoginView(auth_views.LoginView):
    template_name = "services/caseworker_login.html"
    redirect_authenticated_user = True

    def get_default_redirect_url(self) -> str:
        return reverse_lazy("caseworker-finder")
