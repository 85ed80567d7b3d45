"""Helpers for tests that drive Django admin as a person would."""

from django.urls import reverse


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def service_form_data(service, **changes):
    response_data = {
        "name": service.name,
        "slug": service.slug,
        "organisation": service.organisation_id,
        "summary": service.summary,
        "description": "",
        "published": "on",
        "offers": list(service.offers.values_list("code", flat=True)),
        "primary_offer": service.primary_offer_id,
        "access_routes": list(service.access_routes.values_list("code", flat=True)),
        "scope": service.scope,
        "coverage": list(service.coverage.values_list("pk", flat=True)),
        "waiting_list": service.waiting_list,
        "min_age": service.min_age,
        "women": "on" if service.women else "",
        "men": service.men,
        "trans": service.trans,
        "non_binary": service.non_binary,
        "involvement": service.involvement,
        "location_confidence": service.location_confidence,
        "offer_confidence": service.offer_confidence,
        "eligibility_confidence": service.eligibility_confidence,
        "waiting_list_confidence": service.waiting_list_confidence,
        "last_verified": service.last_verified.isoformat(),
        "status": service.status,
        "status_note": service.status_note,
        "status_confidence": service.status_confidence,
        "listed_in_finder": "on" if service.listed_in_finder else "",
        "not_listed_because": service.not_listed_because,
        "in_2022_survey": "on" if service.in_2022_survey else "",
        "opening_times": service.opening_times,
        "opening_times_source": service.opening_times_source,
        "opening_times_confidence": service.opening_times_confidence,
        "referral": service.referral,
        "referral_source": service.referral_source,
        "referral_confidence": service.referral_confidence,
        "working_languages": list(service.working_languages),
        "interpreters": service.interpreters,
        "languages_note": service.languages_note,
        "languages_source": service.languages_source,
        "languages_confidence": service.languages_confidence,
        "languages_confirmed_on": (
            service.languages_confirmed_on.isoformat() if service.languages_confirmed_on else ""
        ),
    }
    for prefix in ("locations", "contact_routes", "sources"):
        response_data.update(
            {f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0, f"{prefix}-MIN_NUM_FORMS": 0}
        )
    response_data.update(changes)
    return {key: value for key, value in response_data.items() if value not in ("", None)}
