"""One saved instance of any model, for sweeps over every model (admin pages, descriptions).

The seed data has rows of most models; the rest are made here.
"""

from django.contrib.auth.models import Group
from django.db import models

from geography.models import AreaNote, CouncilArea
from services.models import Suggestion

MADE_HERE = {
    Group: lambda: Group.objects.create(name="Example group"),
    Suggestion: lambda: Suggestion.objects.create(
        kind="new_service", service_name="A new service", details="Opened in 2026."
    ),
    AreaNote: lambda: AreaNote.objects.create(area=CouncilArea.objects.get(code="S12000042")),
}


def example_of(model: type[models.Model]) -> models.Model:
    instance = model._default_manager.first()
    if instance is None and model in MADE_HERE:
        instance = MADE_HERE[model]()
    assert instance is not None, f"no {model.__name__} to use: add one to tests/examples.py"
    return instance
