from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from djgeojson.fields import MultiPolygonField, PointField

from geography.shapes import invalid_reason

GSS_CODE = RegexValidator(
    r"^[ENSW]\d{8}$",
    "A GSS code is a country letter (E, N, S or W) and eight digits, e.g. S12000036.",
)


class Country(models.TextChoices):
    ENGLAND = "E", "England"
    NORTHERN_IRELAND = "N", "Northern Ireland"
    SCOTLAND = "S", "Scotland"
    WALES = "W", "Wales"


class CouncilAreaQuerySet(models.QuerySet):
    def without_geometry(self) -> "CouncilAreaQuerySet":
        """Lists need codes and names, never the megabytes of boundary (EveryElection's rule)."""
        return self.defer("boundary", "display_boundary")


class CouncilAreaManager(models.Manager.from_queryset(CouncilAreaQuerySet)):
    def get_by_natural_key(self, code: str) -> "CouncilArea":
        return self.get(code=code)


class CouncilArea(models.Model):
    """A local authority area: a council area in Scotland, a district elsewhere in the UK."""

    code = models.CharField(
        "GSS code",
        max_length=9,
        unique=True,
        validators=[GSS_CODE],
        help_text="The current Government Statistical Service code, e.g. S12000036.",
    )
    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True)
    country = models.CharField(max_length=1, choices=Country.choices)
    boundary = MultiPolygonField(
        help_text="The full boundary in longitude/latitude (WGS84), to find the area of a point."
    )
    display_boundary = MultiPolygonField(
        help_text="A simplified copy of the boundary for maps; neighbouring areas still meet."
    )
    label_point = PointField(
        null=True,
        blank=True,
        help_text="A point inside the area, for map labels and approximate distances.",
    )
    source = models.CharField(
        max_length=500, blank=True, help_text="The file or URL the boundary came from."
    )
    vintage = models.CharField(
        max_length=20, blank=True, help_text="The year of the boundary and its codes, e.g. 2024."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    objects = CouncilAreaManager()

    class Meta:
        ordering = ["name"]
        verbose_name = "council area"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(code__startswith=models.F("country")),
                name="council_area_code_starts_with_country",
                violation_error_message="The GSS code must start with the country's letter.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def natural_key(self) -> tuple[str]:
        return (self.code,)

    def clean(self) -> None:
        # The display boundary and label point are derived from this one, never edited by hand.
        reason = invalid_reason(self.boundary)
        if reason:
            raise ValidationError({"boundary": reason})
