"""Load the shared contacts file (how to reach each service, and whether it still runs) onto the
services already in the database, all or nothing.

The file (``$SHARED_DATA/services/contacts.yaml``, described in its header) says, per service
slug, what public sources show: a website, phone numbers with what each is for, emails, public
addresses, when it is open, how people get to it, the languages its staff work in and whether it
uses interpreters, and a status with its evidence and date. None of it was confirmed with a
service, so every route is loaded with no confirmation date: visitors read it as "from a public
source, not yet confirmed with the service" until an admin confirms it.

Loading is safe to repeat. A route is found by its service, kind and value: one an admin has
confirmed is left alone (what the service said wins over a public page), and routes the file does
not name are kept (an admin added them). A status whose evidence is newer than the file's is kept
for the same reason; a status, opening times and way in, or languages that the service confirmed
is never changed. Slugs the database does not hold are reported and skipped.
"""

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction

from services.models import (
    ACCESS_FIELDS,
    LANGUAGE_FIELDS,
    STATUS_FIELDS,
    Confidence,
    ContactKind,
    ContactRoute,
    Interpreters,
    Service,
    ServiceStatus,
    WorkingLanguage,
)
from services.seed import save_checked


class ContactsError(Exception):
    """The contacts file cannot be loaded; nothing was written."""


@dataclass(frozen=True)
class RouteRecord:
    kind: str
    value: str
    label: str
    source_url: str
    confidence: str


@dataclass(frozen=True)
class ContactsRecord:
    slug: str
    routes: tuple[RouteRecord, ...]
    status: str
    status_note: str
    status_source: str
    status_seen_on: date | None
    status_confidence: str
    organisation_website: str
    # ACCESS_FIELDS' values, in their order.
    access: tuple[str, ...]
    # LANGUAGE_FIELDS' values, in their order.
    languages: tuple


@dataclass
class ContactsReport:
    routes_created: dict[str, int] = field(default_factory=dict)
    routes_updated: int = 0
    routes_unchanged: int = 0
    statuses_changed: list[str] = field(default_factory=list)
    access_changed: list[str] = field(default_factory=list)
    languages_changed: list[str] = field(default_factory=list)
    organisations_changed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def summary_lines(self) -> list[str]:
        created = ", ".join(
            f"{kind} {count}" for kind, count in sorted(self.routes_created.items())
        )
        lines = [
            f"Contact routes: created {sum(self.routes_created.values())}"
            f"{f' ({created})' if created else ''}, updated {self.routes_updated}, "
            f"unchanged {self.routes_unchanged}.",
            f"Statuses changed: {len(self.statuses_changed)}. "
            f"Opening times or ways in changed: {len(self.access_changed)}. "
            f"Languages changed: {len(self.languages_changed)}. "
            f"Organisation websites added: {len(self.organisations_changed)}.",
        ]
        if self.skipped:
            lines.append(
                f"Skipped {len(self.skipped)} not in the database: {', '.join(self.skipped)}."
            )
        return lines


def load_contacts(path: str | Path) -> ContactsReport:
    return apply_contacts(read_contacts(Path(path)))


def read_contacts(path: Path) -> list[ContactsRecord]:
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise ContactsError(f"cannot read {path}: {error}") from error
    if not isinstance(entries, list):
        raise ContactsError(f"{path} must hold a list of services")
    return [contacts_record(entry) for entry in entries]


def contacts_record(entry: Any) -> ContactsRecord:
    """One entry of the file as plain values, or a ContactsError naming its slug and field."""
    if not isinstance(entry, dict) or not isinstance(entry.get("slug"), str):
        raise ContactsError(f"every entry needs a slug: {str(entry)[:80]!r}")
    slug = entry["slug"]
    sources = _list(entry, "sources", slug)

    def source_of(name: str) -> str:
        for source in sources:
            if isinstance(source, dict) and name in (source.get("supports") or []):
                return _text(source.get("url"), slug, "sources.url")
        return ""

    def confidence_of(name: str) -> str:
        return _confidence(entry.get("confidence"), name, slug)

    routes = []
    if entry.get("website"):
        routes.append(
            RouteRecord(
                ContactKind.WEBSITE,
                _text(entry["website"], slug, "website"),
                "",
                source_of("website"),
                confidence_of("website"),
            )
        )
    for kind, name, value_key in (
        (ContactKind.PHONE, "phones", "number"),
        (ContactKind.EMAIL, "emails", "address"),
    ):
        for item in _list(entry, name, slug):
            routes.append(
                RouteRecord(
                    kind,
                    _text(_field(item, value_key, slug, name), slug, f"{name}.{value_key}"),
                    _text(item.get("label"), slug, f"{name}.label"),
                    source_of(name),
                    confidence_of(name),
                )
            )
    for address in _list(entry, "addresses", slug):
        # Only an address the file marks public: a safe house or refuge must never be shown.
        if _field(address, "public", slug, "addresses") is not True:
            continue
        lines = [_text(address.get("address"), slug, "addresses.address")]
        if address.get("postcode"):
            lines.append(_text(address["postcode"], slug, "addresses.postcode"))
        routes.append(
            RouteRecord(
                ContactKind.ADDRESS,
                ", ".join(lines),
                _text(address.get("label"), slug, "addresses.label"),
                source_of("addresses"),
                confidence_of("addresses"),
            )
        )

    status = entry.get("status")
    if not isinstance(status, dict):
        raise ContactsError(f"{slug}: status: expected value, as_of and evidence")
    if status.get("value") not in ServiceStatus.values:
        raise ContactsError(f"{slug}: status.value: unknown status {status.get('value')!r}")
    return ContactsRecord(
        slug=slug,
        routes=tuple(routes),
        status=status["value"],
        status_note=_text(status.get("evidence"), slug, "status.evidence"),
        status_source=source_of("status"),
        status_seen_on=_date(status.get("as_of"), slug, "status.as_of"),
        status_confidence=confidence_of("status"),
        organisation_website=_text(entry.get("organisation_website"), slug, "organisation_website"),
        access=tuple(
            value
            for name in ("opening_times", "referral")
            for value in (
                _text(entry.get(name), slug, name),
                source_of(name),
                confidence_of(name),
            )
        ),
        languages=_languages(entry.get("languages"), slug, source_of, confidence_of),
    )


# YAML reads a bare yes or no as a boolean.
INTERPRETERS_IN_THE_FILE = {
    True: Interpreters.YES,
    False: Interpreters.NO,
    None: Interpreters.NOT_KNOWN,
    **{value: value for value in Interpreters.values},
}


def _languages(value: Any, slug: str, source_of, confidence_of) -> tuple:
    """LANGUAGE_FIELDS' values from the file's ``languages``: null where no source says (not
    known: no languages listed, interpreters not known), or ``works_in`` (language codes) and
    ``interpreters`` (yes, no or null), from the page its sources name for ``languages``."""
    if value is None:
        return ([], Interpreters.NOT_KNOWN, "", Confidence.LOW)
    if not isinstance(value, dict) or set(value) - {"works_in", "interpreters"}:
        raise ContactsError(f"{slug}: languages: expected null, or works_in and interpreters")
    works_in = value.get("works_in") or []
    if not isinstance(works_in, list) or not all(isinstance(code, str) for code in works_in):
        raise ContactsError(f"{slug}: languages.works_in: expected a list of language codes")
    unknown = sorted(set(works_in) - set(WorkingLanguage.values))
    if unknown:
        raise ContactsError(f"{slug}: languages.works_in: unknown language code {unknown[0]!r}")
    interpreters = value.get("interpreters")
    if not isinstance(interpreters, (bool, str, type(None))) or (
        interpreters not in INTERPRETERS_IN_THE_FILE
    ):
        raise ContactsError(f"{slug}: languages.interpreters: expected yes, no or null")
    return (
        list(dict.fromkeys(works_in)),
        INTERPRETERS_IN_THE_FILE[interpreters],
        source_of("languages"),
        confidence_of("languages"),
    )


def apply_contacts(records: list[ContactsRecord]) -> ContactsReport:
    report = ContactsReport()
    with transaction.atomic():
        for record in records:
            service = (
                Service.all_objects.select_related("organisation").filter(slug=record.slug).first()
            )
            if service is None:
                report.skipped.append(record.slug)
                continue
            for route in record.routes:
                _load_route(service, route, report)
            _load_status(service, record, report)
            _load_access(service, record, report)
            _load_languages(service, record, report)
            _load_organisation_website(service, record, report)
    return report


def _load_route(service: Service, record: RouteRecord, report: ContactsReport) -> None:
    route = ContactRoute.all_objects.filter(
        service=service, kind=record.kind, value=record.value
    ).first()
    if route is not None and route.confirmed_on is not None:
        report.routes_unchanged += 1
        return
    wanted = {
        "label": record.label,
        "source_url": record.source_url,
        "confidence": record.confidence,
        "public": True,
    }
    if route is not None and all(getattr(route, name) == value for name, value in wanted.items()):
        report.routes_unchanged += 1
        return
    created = route is None
    route = route or ContactRoute(service=service, kind=record.kind, value=record.value)
    for name, value in wanted.items():
        setattr(route, name, value)
    _save(route, f"{service.slug}: {record.kind} {record.value!r}")
    if created:
        report.routes_created[record.kind] = report.routes_created.get(record.kind, 0) + 1
    else:
        report.routes_updated += 1


def _load_status(service: Service, record: ContactsRecord, report: ContactsReport) -> None:
    # What the service itself confirmed wins over any public page, dated or not.
    if service.status_confirmed_on is not None:
        return
    if (
        service.status_seen_on is not None
        and record.status_seen_on is not None
        and service.status_seen_on > record.status_seen_on
    ):
        return
    if _set_if_changed(service, STATUS_FIELDS, _status_values(record), "status"):
        report.statuses_changed.append(service.slug)


def _load_access(service: Service, record: ContactsRecord, report: ContactsReport) -> None:
    # What the service itself confirmed wins over any public page.
    if service.access_confirmed_on is not None:
        return
    what = "opening times and how people get to it"
    if _set_if_changed(service, ACCESS_FIELDS, record.access, what):
        report.access_changed.append(service.slug)


def _load_languages(service: Service, record: ContactsRecord, report: ContactsReport) -> None:
    # What the service itself confirmed wins over any public page.
    if service.languages_confirmed_on is not None:
        return
    if _set_if_changed(service, LANGUAGE_FIELDS, record.languages, "languages"):
        report.languages_changed.append(service.slug)


def _set_if_changed(service: Service, names: tuple[str, ...], values: tuple, what: str) -> bool:
    """Give the service these values, saved with its history, unless it has them already."""
    wanted = dict(zip(names, values, strict=True))
    if all(getattr(service, name) == value for name, value in wanted.items()):
        return False
    for name, value in wanted.items():
        setattr(service, name, value)
    _save(service, f"{service.slug}: {what}")
    return True


def _status_values(record: ContactsRecord) -> tuple:
    return (
        record.status,
        record.status_note,
        record.status_source,
        record.status_seen_on,
        record.status_confidence,
    )


def _load_organisation_website(
    service: Service, record: ContactsRecord, report: ContactsReport
) -> None:
    """The organisation's own site, as the next step for a service with no route of its own;
    never over a website an admin has given."""
    organisation = service.organisation
    if not record.organisation_website or organisation.website:
        return
    organisation.website = record.organisation_website
    _save(organisation, f"{service.slug}: organisation_website")
    report.organisations_changed.append(organisation.name)


def _save(instance, label: str) -> None:
    save_checked(instance, label, ContactsError)


def _confidence(confidences: Any, name: str, slug: str) -> str:
    """The file's confidence in one field. "none" (nothing found) is read as low: a value that
    is there all the same is at best a weak lead."""
    if not isinstance(confidences, dict) or name not in confidences:
        raise ContactsError(f"{slug}: confidence.{name}: missing")
    value = confidences[name]
    if value == "none":
        return Confidence.LOW
    if value not in Confidence.values:
        raise ContactsError(f"{slug}: confidence.{name}: unknown confidence {value!r}")
    return value


def _list(entry: dict, name: str, slug: str) -> list:
    value = entry.get(name) or []
    if not isinstance(value, list):
        raise ContactsError(f"{slug}: {name}: expected a list")
    return value


def _field(item: Any, name: str, slug: str, where: str) -> Any:
    if not isinstance(item, dict) or name not in item:
        raise ContactsError(f"{slug}: {where}: every item needs {name!r}")
    return item[name]


def _text(value: Any, slug: str, name: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ContactsError(f"{slug}: {name}: expected text, not {value!r}")
    return " ".join(value.split())


def _date(value: Any, slug: str, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError as error:
        raise ContactsError(f"{slug}: {name}: not a date: {value!r}") from error
