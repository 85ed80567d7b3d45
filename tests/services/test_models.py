import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

from geography.models import CouncilArea
from services.models import (
    ContactRoute,
    Location,
    MenServed,
    Offer,
    OfferCode,
    Service,
    WaitingList,
)
from tests.examples import example_of


@pytest.fixture
def wishes(db):
    return Service.all_objects.get(slug="wishes")


@pytest.mark.parametrize(
    ("changes", "constraint"),
    [
        ({"min_age": 30, "max_age": 20}, "service_min_age_not_above_max_age"),
        ({"max_age": 121}, "service_ages_in_range"),
        ({"women": False, "men": MenServed.NONE}, "service_supports_someone"),
        (
            {"waiting_list": WaitingList.NONE, "next_course_starts": "2027-01-10"},
            "service_course_date_only_for_courses",
        ),
    ],
)
def test_the_database_refuses_a_service_that_breaks_an_invariant(wishes, changes, constraint):
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        Service.all_objects.filter(pk=wishes.pk).update(**changes)


def test_full_clean_explains_the_invariant_to_an_admin(wishes):
    wishes.min_age, wishes.max_age = 30, 20

    with pytest.raises(ValidationError, match="minimum age cannot be above the maximum age"):
        wishes.full_clean()


def test_a_location_needs_a_point_or_a_council_area(wishes):
    with pytest.raises(IntegrityError, match="location_has_point_or_area"), transaction.atomic():
        Location.all_objects.create(service=wishes, name="Nowhere")


def test_a_location_takes_its_council_area_from_its_point(wishes):
    glasgow = CouncilArea.objects.get(code="S12000049")
    location = Location.all_objects.create(
        service=wishes,
        name="Drop-in",
        point={"type": "Point", "coordinates": [-3.1883, 55.9533]},
        council_area=glasgow,
    )

    assert location.council_area.code == "S12000036"


def test_a_point_outside_every_area_is_refused_by_validation(wishes):
    location = Location(
        service=wishes, name="At sea", point={"type": "Point", "coordinates": [1.0, 57.0]}
    )

    with pytest.raises(ValidationError, match="not inside any council area"):
        location.full_clean()


@pytest.mark.parametrize(
    ("kind", "value"), [("email", "not-an-address"), ("website", "javascript:alert(1)")]
)
def test_contact_routes_are_checked_by_kind(wishes, kind, value):
    with pytest.raises(ValidationError, match="value"):
        ContactRoute(service=wishes, kind=kind, value=value).full_clean()


def test_public_managers_hide_unpublished_services_and_confidential_addresses(wishes):
    Location.all_objects.create(
        service=wishes,
        name="Safe house",
        council_area_id=wishes.locations.get().council_area_id,
        public=False,
    )
    ContactRoute.all_objects.create(
        service=wishes, kind="phone", value="0131 000 0000", public=False
    )

    assert not Location.public_objects.filter(name="Safe house").exists()
    assert not ContactRoute.public_objects.filter(value="0131 000 0000").exists()

    Service.all_objects.filter(pk=wishes.pk).update(published=False)
    assert not Service.published_objects.filter(slug="wishes").exists()
    assert not Location.public_objects.filter(service=wishes).exists()


def test_every_offer_in_the_vocabulary_has_its_row_and_label(db):
    assert set(Offer.objects.values_list("code", flat=True)) == set(OfferCode.values)
    for offer in Offer.objects.all():
        assert str(offer) == OfferCode(offer.code).label


# simple-history generates a Historical... model for each model it follows; those describe
# themselves ("... as of <date>") and are left out.
OWN_MODELS = [
    model
    for model in apps.get_models()
    if model._meta.app_label in {"services", "geography"}
    and not model.__name__.startswith("Historical")
]


@pytest.mark.parametrize(
    "model",
    OWN_MODELS,
    ids=lambda model: model.__name__,
)
def test_every_model_describes_itself_in_plain_words(db, model):
    instance = example_of(model)

    assert "object (" not in str(instance)
    assert model._meta.verbose_name


def choice_enums():
    import geography.models as geography_models
    import services.models as service_models

    return [
        value
        for module in (service_models, geography_models)
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, models.Choices)
        and value.__module__ == module.__name__
    ]


@pytest.mark.parametrize("enum", choice_enums(), ids=lambda enum: enum.__name__)
def test_every_choice_has_its_own_label(enum):
    labels = [member.label for member in enum]

    assert all(labels)
    assert len(set(labels)) == len(labels)
