"""API errors as RFC 9457 problem details, naming each bad field."""

from http import HTTPStatus

from django.http import JsonResponse
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler

PROBLEM_CONTENT_TYPE = "application/problem+json"

# Everything under these answers programs, so its errors are problem details too, even those
# Django answers before any API view runs (an unknown URL, a crash, a database outage).
JSON_PATH_PREFIXES = ("/api/v1/", "/openreferral/")


def answers_in_json(path: str) -> bool:
    return path.startswith(JSON_PATH_PREFIXES)


def problem_response(status: int, detail: str) -> JsonResponse:
    """A problem details answer made without DRF, for errors outside an API view."""
    response = JsonResponse(
        {
            "type": "about:blank",
            "title": HTTPStatus(status).phrase,
            "status": status,
            "detail": detail,
        },
        status=status,
        content_type=PROBLEM_CONTENT_TYPE,
    )
    response["Cache-Control"] = "no-store"
    return response


def problem_details_handler(exc: Exception, context: dict) -> Response | None:
    response = exception_handler(exc, context)
    if response is None:
        return None
    problem = {
        "type": "about:blank",
        "title": HTTPStatus(response.status_code).phrase,
        "status": response.status_code,
    }
    if isinstance(exc, exceptions.ValidationError):
        problem["detail"] = _("Some of the request's fields are not valid.")
        problem["errors"] = _field_errors(exc.detail)
    elif isinstance(exc, exceptions.APIException):
        problem["detail"] = str(exc.detail)
    response.data = problem
    response.content_type = PROBLEM_CONTENT_TYPE
    response["Cache-Control"] = "no-store"
    return response


def _field_errors(detail) -> dict[str, list[str]]:
    """Flatten DRF's nested errors into {"field": [...], "needs.1": [...]}."""
    if isinstance(detail, list):
        return {"non_field_errors": [str(message) for message in detail]}
    errors: dict[str, list[str]] = {}
    for field, messages in detail.items():
        if isinstance(messages, dict):
            for inner, inner_messages in _field_errors(messages).items():
                errors[f"{field}.{inner}"] = inner_messages
        else:
            errors[str(field)] = [str(message) for message in messages]
    return errors
