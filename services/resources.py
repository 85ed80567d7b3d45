"""Bulk import and export in admin (django-import-export): services and locations as CSV or XLSX
rows, with council areas by GSS code and offers and ways of access by their codes.

An import is previewed first and then applied whole: one bad row and nothing is written. Each
bad value is reported against its row and column, never skipped or guessed at.
"""

import os
from typing import Any

from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from import_export import fields, resources, widgets
from import_export.admin import ImportExportMixin

from geography.models import CouncilArea
from services.models import (
    AccessRoute,
    Location,
    Offer,
    Organisation,
    Service,
    relation_problems,
)
from services.spreadsheets import SafeCSV, SafeXLSX
from services.translation import in_one_language

# The files this session's previews saved, which only it may confirm (at most the last few).
PENDING_IMPORTS = "pending_imports"
PENDING_IMPORTS_KEPT = 10


class BulkImportExport(ImportExportMixin):
    """Admin import and export in the two formats admins use.

    A preview saves the uploaded file for the confirmation to read, and the confirmation names it
    in a form field. The library would open and then delete whatever file in the temporary
    folder that field names; here a confirmation may name only a file that a preview in the same
    admin's session saved, once.
    """

    import_formats = [SafeCSV, SafeXLSX]
    export_formats = [SafeCSV, SafeXLSX]

    def import_action(self, request, **kwargs):
        response = super().import_action(request, **kwargs)
        confirm_form = (getattr(response, "context_data", None) or {}).get("confirm_form")
        if confirm_form is not None:
            saved = os.path.basename(confirm_form.initial["import_file_name"])
            pending = request.session.get(PENDING_IMPORTS, [])
            request.session[PENDING_IMPORTS] = [*pending, saved][-PENDING_IMPORTS_KEPT:]
        return response

    def process_import(self, request, **kwargs):
        name = os.path.basename(request.POST.get("import_file_name", ""))
        pending = request.session.get(PENDING_IMPORTS, [])
        if name not in pending:
            context = {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": "Import",
            }
            return TemplateResponse(
                request, "admin/services/import_not_pending.html", context, status=400
            )
        request.session[PENDING_IMPORTS] = [saved for saved in pending if saved != name]
        return super().process_import(request, **kwargs)

    def get_import_data_kwargs(self, **kwargs) -> dict[str, Any]:
        # The confirmed import re-reads the file; if a row has gone bad since the preview (another
        # admin's change), roll everything back rather than write the rest.
        return {**super().get_import_data_kwargs(**kwargs), "rollback_on_validation_errors": True}


class ByCodeWidget(widgets.ForeignKeyWidget):
    """A related record named by a code (a GSS code, a slug): an unknown one is the cell's error."""

    def __init__(self, model, field: str, queryset=None):
        super().__init__(model, field=field)
        self.queryset = queryset

    def get_queryset(self, value, row, *args, **kwargs):
        return self.queryset if self.queryset is not None else self.model._default_manager.all()

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except self.model.DoesNotExist as error:
            raise ValueError(f"There is no {self.model._meta.verbose_name} {value!r}.") from error


class CodesWidget(widgets.ManyToManyWidget):
    """Codes separated by commas. Unlike the library's widget, an unknown code is an error."""

    def __init__(self, model, field: str, queryset=None):
        super().__init__(model, separator=",", field=field)
        self.queryset = queryset if queryset is not None else model._default_manager.all()

    def clean(self, value, row=None, **kwargs) -> list:
        codes = [code.strip() for code in str(value or "").split(self.separator) if code.strip()]
        found = {
            getattr(record, self.field): record
            for record in self.queryset.filter(**{f"{self.field}__in": codes})
        }
        unknown = [code for code in codes if code not in found]
        if unknown:
            raise ValueError(f"Unknown code {unknown[0]!r}.")
        return [found[code] for code in codes]

    def render(self, value, obj=None, **kwargs) -> str:
        if value is None:
            # A record not yet saved has no related records.
            return ""
        # values_list: a council area's row holds megabytes of boundary that a code does not need.
        return ", ".join(sorted(str(code) for code in value.values_list(self.field, flat=True)))


class LanguageCodesWidget(widgets.Widget):
    """A service's working languages as codes separated by commas ("pl, ro"), as a spreadsheet
    shows them; the model's own check refuses a code not on the list, in its column."""

    def clean(self, value, row=None, **kwargs) -> list[str]:
        return [code.strip() for code in str(value or "").split(",") if code.strip()]

    def render(self, value, obj=None, **kwargs) -> str:
        return ", ".join(value or [])


def not_editable(model) -> tuple[str, ...]:
    return tuple(field.name for field in model._meta.concrete_fields if not field.editable)


def words_in_each_language(model) -> tuple[str, ...]:
    """The fields that hold a model's words in each language (services/translation.py):
    summary_en_gb, summary_ro, ... A spreadsheet carries the English words in the fields' own
    columns (summary); admins keep the other languages' in admin."""
    return tuple(field.name for field in model._meta.concrete_fields if in_one_language(field))


AREAS = CouncilArea.objects.without_geometry()
AREA_GEOMETRY = ("council_area__boundary", "council_area__display_boundary")


class StrictResource(resources.ModelResource):
    """Reports every bad cell against its column: many-to-many cells are checked with the rest
    of the row (the library sets them only after saving, where an error names no column), and a
    cell that is not a number is a cell's error, not the row's."""

    # An empty spreadsheet cell is empty text, not NULL, in text fields too (the library maps
    # only CharField so).
    WIDGETS_MAP = {**resources.ModelResource.WIDGETS_MAP, "TextField": widgets.CharWidget}

    def import_field(self, field, instance, row, is_m2m=False, **kwargs) -> None:
        try:
            super().import_field(field, instance, row, is_m2m, **kwargs)
        except ArithmeticError as error:
            # The number widgets read cells with Decimal, which raises this, not ValueError.
            raise ValueError(f"{row.get(field.column_name)!r} is not a number.") from error

    def get_instance(self, instance_loader, row):
        try:
            return super().get_instance(instance_loader, row)
        except ValueError:
            # A bad key (an unknown service): the row is then read as new, and the bad cell is
            # reported against its column.
            return None

    def import_instance(self, instance, row, **kwargs) -> None:
        errors: dict[str, Any] = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        values = {}
        for field in self.get_import_fields():
            if isinstance(field.widget, widgets.ManyToManyWidget) and field.column_name in row:
                try:
                    values[field.attribute] = field.clean(row)
                except ValueError as error:
                    errors[field.attribute] = [str(error)]
        for name, message in self.row_problems(instance, values).items():
            errors.setdefault(name, [message])
        if errors:
            raise ValidationError(errors)

    def row_problems(self, instance, related: dict[str, list]) -> dict[str, str]:
        return {}

    def skip_row(self, instance, original, row, import_validation_errors=None) -> bool:
        """An unchanged row is shown as skipped. The library's own check loads every related
        record whole; this compares keys."""
        if not self._meta.skip_unchanged or import_validation_errors:
            return False
        for field in self.get_import_fields():
            if field.column_name not in row:
                continue
            if isinstance(field.widget, widgets.ManyToManyWidget):
                before = (
                    []
                    if original.pk is None
                    else field.get_value(original).values_list("pk", flat=True)
                )
                if sorted(record.pk for record in field.clean(row)) != sorted(before):
                    return False
            elif field.get_value(instance) != field.get_value(original):
                return False
        return True


class ServiceResource(StrictResource):
    organisation = fields.Field(
        "organisation", "organisation", ByCodeWidget(Organisation, field="name")
    )
    primary_offer = fields.Field("primary_offer", "primary_offer", ByCodeWidget(Offer, "code"))
    offers = fields.Field("offers", "offers", CodesWidget(Offer, "code"))
    access_routes = fields.Field("access_routes", "access_routes", CodesWidget(AccessRoute, "code"))
    coverage = fields.Field("coverage", "coverage", CodesWidget(CouncilArea, "code", AREAS))
    working_languages = fields.Field(
        "working_languages", "working_languages", LanguageCodesWidget()
    )

    class Meta:
        model = Service
        import_id_fields = ("slug",)
        # Not the row's number, nor what no one may edit: its timestamps and the mark of
        # synthetic test data, which would make the seed and feed loaders refuse the database.
        exclude = ("id", *not_editable(Service), *words_in_each_language(Service))
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def get_queryset(self):
        return Service.all_objects.all()

    def row_problems(self, service: Service, related: dict[str, list]) -> dict[str, str]:
        def codes(name: str) -> list[str]:
            if name in related:
                return [record.code for record in related[name]]
            # A column left out of the file keeps the service's current values.
            if service.pk is None:
                return []
            return list(getattr(service, name).values_list("code", flat=True))

        return relation_problems(
            scope=service.scope,
            coverage=codes("coverage"),
            offers=codes("offers"),
            primary_offer=service.primary_offer_id,
        )


class LocationResource(StrictResource):
    service = fields.Field(
        "service", "service", ByCodeWidget(Service, "slug", Service.all_objects.all())
    )
    council_area = fields.Field(
        "council_area", "council_area", ByCodeWidget(CouncilArea, "code", AREAS)
    )
    # A point as two plain numbers, which a spreadsheet can hold; empty for no point.
    longitude = fields.Field(column_name="longitude", widget=widgets.FloatWidget())
    latitude = fields.Field(column_name="latitude", widget=widgets.FloatWidget())

    class Meta:
        model = Location
        import_id_fields = ("service", "name")
        fields = (
            "service",
            "name",
            "address",
            "postcode",
            "longitude",
            "latitude",
            "council_area",
            "opening_times",
            "accessibility",
            "public",
        )
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def get_queryset(self):
        return Location.all_objects.select_related("council_area").defer(*AREA_GEOMETRY)

    def filter_export(self, queryset, **kwargs):
        # Confidential addresses (safe accommodation) never leave in a file.
        return queryset.filter(public=True).defer(*AREA_GEOMETRY)

    def dehydrate_longitude(self, location: Location) -> float | None:
        return location.point["coordinates"][0] if location.point else None

    def dehydrate_latitude(self, location: Location) -> float | None:
        return location.point["coordinates"][1] if location.point else None

    def import_instance(self, location: Location, row, **kwargs) -> None:
        errors: dict[str, Any] = {}
        try:
            super().import_instance(location, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if "longitude" in row or "latitude" in row:
            try:
                location.point = point_from(row.get("longitude"), row.get("latitude"))
            except ValueError as error:
                errors["longitude"] = [str(error)]
        if errors:
            raise ValidationError(errors)


def point_from(longitude: Any, latitude: Any) -> dict[str, Any] | None:
    """Two cells as a GeoJSON point, or None when both are empty."""
    empty = (None, "")
    if longitude in empty and latitude in empty:
        return None
    if longitude in empty or latitude in empty:
        raise ValueError("Give the longitude and the latitude, or neither.")
    try:
        lon, lat = float(longitude), float(latitude)
    except (TypeError, ValueError) as error:
        raise ValueError("The longitude and latitude must be numbers.") from error
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise ValueError("That is not a longitude and a latitude (WGS84 degrees).")
    return {"type": "Point", "coordinates": [lon, lat]}
