"""One saved instance of any model, for sweeps over every model (admin pages, descriptions).

The seed data has rows of most models; the rest are made here.
"""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.models import Group, User
from django.db import models
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from geography.models import AreaNote, CouncilArea
from services.models import Suggestion, UsedFinderToken

MADE_HERE = {
    Group: lambda: Group.objects.create(name="Example group"),
    Suggestion: lambda: Suggestion.objects.create(
        kind="new_service", service_name="A new service", details="Opened in 2026."
    ),
    UsedFinderToken: lambda: UsedFinderToken.objects.create(
        token="an-example", expires=timezone.now()
    ),
    AreaNote: lambda: AreaNote.objects.create(area=CouncilArea.objects.get(code="S12000042")),
    AccessAttempt: lambda: AccessAttempt.objects.create(
        username="editor", ip_address="192.0.2.1", failures_since_start=1
    ),
    AccessFailureLog: lambda: AccessFailureLog.objects.create(
        username="editor", ip_address="192.0.2.1"
    ),
    AccessLog: lambda: AccessLog.objects.create(username="editor", ip_address="192.0.2.1"),
    TOTPDevice: lambda: TOTPDevice.objects.create(
        user=User.objects.first() or User.objects.create(username="device-owner"),
        name="Phone",
    ),
}


def example_of(model: type[models.Model]) -> models.Model:
    instance = model._default_manager.first()
    if instance is None and model in MADE_HERE:
        instance = MADE_HERE[model]()
    assert instance is not None, f"no {model.__name__} to use: add one to tests/examples.py"
    return instance
