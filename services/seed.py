"""Load the seed services from ``fixtures/services.json`` into the database, all or nothing.

The file keeps one record per service with its locations, contact routes and sources nested, in
the models' own field names, so a reviewer can read it against the public sources.

Loading is safe to repeat: a service that matches its record is left alone, a missing one is
created, and one that differs (an admin has edited it since) is kept unless ``overwrite`` is set:
the seed must never silently undo the admins' work on a living directory.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction

from geography.models import CouncilArea
from services.models import (
    NOT_SEEDED_FIELDS,
    AccessCode,
    ContactRoute,
    Location,
    OfferCode,
    Organisation,
    Service,
    ServiceSource,
)
from services.translation import in_one_language

ORGANISATION_FIELDS = ("name", "website", "description")
SERVICE_SCALAR_FIELDS = tuple(
    field.name
    for field in Service._meta.concrete_fields
    # The English words only, in the fields' own names (summary, not summary_en_gb or summary_ro).
    if not in_one_language(field)
    # is_synthetic is set by the scale-data generator only, never by a record; a service's current
    # status, opening times and how people get to it come from the contacts file and the admins
    # (services/contacts_import.py), so a seed record neither sets them nor counts them as edits.
    if field.name
    not in {
        "id",
        "organisation",
        "primary_offer",
        "created_at",
        "updated_at",
        "is_synthetic",
        *NOT_SEEDED_FIELDS,
    }
)
LOCATION_FIELDS = (
    "name",
    "address",
    "postcode",
    "point",
    "opening_times",
    "accessibility",
    "public",
)
CONTACT_FIELDS = ("kind", "value", "label", "public")
# Where a route came from and whether the service confirmed it: kept with the route by every
# loader, though an Open Referral feed does not carry them (services/openreferral/importer.py).
ROUTE_STATE_FIELDS = ("hours", "source_url", "confidence", "confirmed_on")
SOURCE_FIELDS = ("url", "title")
SERVICE_RELATED_FIELDS = (
    "organisation",
    "primary_offer",
    "offers",
    "access_routes",
    "coverage",
    "locations",
    "contact_routes",
    "sources",
)


class SeedError(Exception):
    """The seed file cannot be loaded; nothing was written."""


@dataclass
class SeedReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    def summary_lines(self) -> list[str]:
        lines = [
            f"Services: created {len(self.created)}, updated {len(self.updated)}, "
            f"unchanged {len(self.unchanged)}."
        ]
        if self.kept:
            lines.append(
                f"Kept {len(self.kept)} edited since seeding ({', '.join(self.kept)}); "
                "use --overwrite to reset them to the seed."
            )
        return lines


def seed_file() -> Path:
    """The seed the project ships: the 16 services of the 2022 survey and those found since,
    written from the shared data (fixtures/README.md)."""
    return Path(settings.BASE_DIR) / "fixtures" / "services.json"


def load_services(path: str | Path, overwrite: bool = False) -> SeedReport:
    return load_document(_read(Path(path)), overwrite)


def seed_records(path: str | Path) -> list[dict[str, Any]]:
    """The seed file's service records with every field, as :func:`service_record` would give
    them back after loading; a SeedError if the file cannot be read."""
    return [_normalised(record) for record in _read(Path(path))["services"]]


def load_document(document: dict[str, Any], overwrite: bool = False) -> SeedReport:
    """Load organisations and service records already read (the HSDS importer's are made from a
    feed), with the same checks and all-or-nothing write as the seed file."""
    report = SeedReport()
    # Real services must never be listed beside the benchmarks' made-up ones (services/scale.py).
    if Service.all_objects.filter(is_synthetic=True).exists():
        raise SeedError(
            "this database holds synthetic scale-test services: load real services only into a "
            "database without them"
        )
    with transaction.atomic():
        organisations = {
            record["name"]: _upsert_organisation(record, overwrite)
            for record in document.get("organisations", [])
        }
        for record in document["services"]:
            _load_service(record, organisations, overwrite, report)
    return report


def service_record(service: Service) -> dict[str, Any]:
    """A service as it appears in the seed file, with every list in a stable order."""
    record = {name: _plain(service, name) for name in SERVICE_SCALAR_FIELDS}
    record.update(
        organisation=service.organisation.name,
        primary_offer=service.primary_offer_id,
        offers=sorted(service.offers.values_list("code", flat=True)),
        access_routes=sorted(service.access_routes.values_list("code", flat=True)),
        coverage=sorted(service.coverage.values_list("code", flat=True)),
        locations=sorted(
            (
                {
                    **{name: _plain(location, name) for name in LOCATION_FIELDS},
                    "council_area": location.council_area.code if location.council_area else None,
                }
                for location in Location.all_objects.filter(service=service).select_related(
                    "council_area"
                )
            ),
            key=lambda location: location["name"],
        ),
        contact_routes=sorted(
            (
                {name: _plain(route, name) for name in CONTACT_FIELDS + ROUTE_STATE_FIELDS}
                for route in ContactRoute.all_objects.filter(service=service)
            ),
            key=lambda route: (route["kind"], route["value"]),
        ),
        sources=sorted(
            (
                {name: _plain(source, name) for name in SOURCE_FIELDS}
                for source in service.sources.all()
            ),
            key=lambda source: source["url"],
        ),
    )
    return record


def _read(path: Path) -> dict[str, Any]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SeedError(f"cannot read {path}: {error}") from error
    if not isinstance(document, dict) or not isinstance(document.get("services"), list):
        raise SeedError(f"{path} must hold an object with a list of services")
    return document


def _upsert_organisation(record: dict[str, Any], overwrite: bool) -> Organisation:
    _check_keys(record, ORGANISATION_FIELDS, f"organisation {record.get('name')!r}")
    organisation = Organisation.objects.filter(name=record["name"]).first()
    if organisation is None:
        organisation = Organisation(name=record["name"])
    elif not overwrite:
        return organisation
    for name in ORGANISATION_FIELDS:
        setattr(organisation, name, record.get(name, ""))
    _save(organisation, f"organisation {record['name']!r}")
    return organisation


def _load_service(
    record: dict[str, Any],
    organisations: dict[str, Organisation],
    overwrite: bool,
    report: SeedReport,
) -> None:
    slug = record.get("slug")
    label = f"service {slug!r}"
    _check_keys(record, SERVICE_SCALAR_FIELDS + SERVICE_RELATED_FIELDS, label)
    existing = Service.all_objects.filter(slug=slug).first()
    if existing is not None:
        stored = service_record(existing)
        if "contact_routes" not in record:
            # A record without routes leaves them to the contacts file and the admins.
            del stored["contact_routes"]
        if stored == _normalised(record):
            report.unchanged.append(slug)
            return
        if not overwrite:
            report.kept.append(slug)
            return
    service = existing or Service()
    for name in SERVICE_SCALAR_FIELDS:
        if name in record:
            setattr(service, name, _python_value(Service, name, record[name], label))
    if record.get("organisation") not in organisations:
        raise SeedError(f"{label}: organisation {record.get('organisation')!r} is not in the file")
    service.organisation = organisations[record["organisation"]]
    service.primary_offer_id = _codes([record.get("primary_offer")], OfferCode, label)[0]
    _save(service, label)
    service.offers.set(_codes(record.get("offers", []), OfferCode, label))
    service.access_routes.set(_codes(record.get("access_routes", []), AccessCode, label))
    service.coverage.set(_areas(record.get("coverage", []), label))
    problems = service.problems_with_its_relations()
    if problems:
        raise SeedError(
            f"{label}: " + "; ".join(f"{name}: {text}" for name, text in problems.items())
        )
    _replace_children(service, record, label)
    (report.updated if existing else report.created).append(slug)


def _replace_children(service: Service, record: dict[str, Any], label: str) -> None:
    Location.all_objects.filter(service=service).delete()
    for location_record in record.get("locations", []):
        _check_keys(location_record, (*LOCATION_FIELDS, "council_area"), f"{label} location")
        location = Location(service=service)
        for name in LOCATION_FIELDS:
            if name in location_record:
                setattr(location, name, location_record[name])
        area_code = location_record.get("council_area")
        location.council_area = _areas([area_code], label)[0] if area_code else None
        _save(location, f"{label} location {location_record.get('name')!r}")
    if "contact_routes" in record:
        ContactRoute.all_objects.filter(service=service).delete()
    for route_record in record.get("contact_routes", []):
        _check_keys(route_record, CONTACT_FIELDS + ROUTE_STATE_FIELDS, f"{label} contact route")
        _save(ContactRoute(service=service, **route_record), f"{label} contact route")
    service.sources.all().delete()
    for source_record in record.get("sources", []):
        _check_keys(source_record, SOURCE_FIELDS, f"{label} source")
        _save(ServiceSource(service=service, **source_record), f"{label} source")


def _normalised(record: dict[str, Any]) -> dict[str, Any]:
    """The record as :func:`service_record` would give it back after loading."""
    normalised = {
        name: _plain_value(
            Service, name, record.get(name, Service._meta.get_field(name).get_default())
        )
        for name in SERVICE_SCALAR_FIELDS
    }
    normalised.update(
        organisation=record.get("organisation"),
        primary_offer=record.get("primary_offer"),
        offers=sorted(record.get("offers", [])),
        access_routes=sorted(record.get("access_routes", [])),
        coverage=sorted(record.get("coverage", [])),
        locations=sorted(
            (
                {
                    **{
                        name: _plain_value(
                            Location, name, location.get(name, _default(Location, name))
                        )
                        for name in LOCATION_FIELDS
                    },
                    "council_area": location.get("council_area"),
                }
                for location in record.get("locations", [])
            ),
            key=lambda location: location["name"],
        ),
        contact_routes=sorted(
            (
                {
                    name: _plain_value(
                        ContactRoute, name, route.get(name, _default(ContactRoute, name))
                    )
                    for name in CONTACT_FIELDS + ROUTE_STATE_FIELDS
                }
                for route in record.get("contact_routes", [])
            ),
            key=lambda route: (route["kind"], route["value"]),
        ),
        sources=sorted(
            (
                {name: source.get(name, _default(ServiceSource, name)) for name in SOURCE_FIELDS}
                for source in record.get("sources", [])
            ),
            key=lambda source: source["url"],
        ),
    )
    if "contact_routes" not in record:
        del normalised["contact_routes"]
    return normalised


def _default(model: type[models.Model], name: str) -> Any:
    return model._meta.get_field(name).get_default()


def _plain(instance: models.Model, name: str) -> Any:
    return _plain_value(type(instance), name, getattr(instance, name))


def _plain_value(model: type[models.Model], name: str, value: Any) -> Any:
    """A field's value as JSON would hold it (dates as ISO text)."""
    if value is None:
        return None
    if isinstance(model._meta.get_field(name), models.DateField):
        value = model._meta.get_field(name).to_python(value)
        return value.isoformat()
    return value


def _python_value(model: type[models.Model], name: str, value: Any, label: str) -> Any:
    try:
        return model._meta.get_field(name).to_python(value)
    except ValidationError as error:
        raise SeedError(f"{label}: {name}: {' '.join(error.messages)}") from error


def _codes(codes: list[Any], vocabulary: type[models.TextChoices], label: str) -> list[str]:
    unknown = [code for code in codes if code not in vocabulary.values]
    if unknown:
        raise SeedError(f"{label}: unknown {vocabulary.__name__} {unknown[0]!r}")
    return codes


def _areas(codes: list[str], label: str) -> list[CouncilArea]:
    areas = {
        area.code: area for area in CouncilArea.objects.without_geometry().filter(code__in=codes)
    }
    missing = [code for code in codes if code not in areas]
    if missing:
        raise SeedError(
            f"{label}: council area {missing[0]} is not in the database; import boundaries first"
        )
    return [areas[code] for code in codes]


def _check_keys(record: Any, allowed: tuple[str, ...], label: str) -> None:
    if not isinstance(record, dict):
        raise SeedError(f"{label}: expected an object")
    unknown = sorted(set(record) - set(allowed))
    if unknown:
        raise SeedError(f"{label}: unknown field {unknown[0]!r}")


def save_checked(instance: models.Model, label: str, error: type[Exception] = SeedError) -> None:
    """Save after the model's own checks, or raise ``error`` naming the record and each field."""
    try:
        instance.full_clean(validate_unique=True)
    except ValidationError as problem:
        problems = "; ".join(
            f"{name}: {' '.join(messages)}" for name, messages in problem.message_dict.items()
        )
        raise error(f"{label}: {problems}") from problem
    instance.save()


_save = save_checked
