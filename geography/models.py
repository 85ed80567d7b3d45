from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy
from djgeojson.fields import MultiPolygonField, PointField
from simple_history.models import HistoricalRecords

from geography.shapes import GeoJSONEncoder, invalid_reason

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
        encoder=GeoJSONEncoder,
        help_text="The full boundary in longitude/latitude (WGS84), to find the area of a point.",
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
    # Who renamed or re-imported an area, and when. The geometry itself is left out: megabytes
    # per change that no one can read as a difference, and it comes back by importing the
    # source and vintage the history does record.
    history = HistoricalRecords(excluded_fields=["boundary", "display_boundary", "label_point"])

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

    def get_absolute_url(self) -> str:
        return reverse("area-detail", kwargs={"slug": self.slug})

    def natural_key(self) -> tuple[str]:
        return (self.code,)

    def clean(self) -> None:
        # The display boundary and label point are derived from this one, never edited by hand.
        reason = invalid_reason(self.boundary)
        if reason:
            raise ValidationError({"boundary": reason})


class PlaceKind(models.TextChoices):
    """OS Open Names' kinds of populated place, largest first: the order suggestions use.

    A suburban area is a named part of a city or town (Leith, Govan), usually home to more
    people than a hamlet; OS's "other settlement" is the smallest and loosest kind.
    """

    CITY = "city", "City"
    TOWN = "town", "Town"
    VILLAGE = "village", "Village"
    SUBURBAN_AREA = "suburban_area", "Suburban area"
    HAMLET = "hamlet", "Hamlet"
    OTHER_SETTLEMENT = "other_settlement", "Other settlement"


class LonLat(models.Model):
    """A point as two floats: these are lookup tables, so no geometry column is needed."""

    lon = models.FloatField("longitude")
    lat = models.FloatField("latitude")

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=models.Q(lon__gte=-180, lon__lte=180, lat__gte=-90, lat__lte=90),
                name="%(app_label)s_%(class)s_point_is_longitude_latitude",
                violation_error_message="The point must be a longitude and a latitude (WGS84).",
            ),
        ]


class PlaceQuerySet(models.QuerySet):
    """Searches take a name already normalised by ``geography.places.search_key``."""

    def named(self, search_name: str) -> "PlaceQuerySet":
        """Places whose name or alternative name is exactly this."""
        return self.filter(_named(search_name))

    def suggested_for(self, search_prefix: str) -> "PlaceQuerySet":
        """Places whose name or alternative name starts with this: exact names first (typing
        "leith" must offer Leith before Leitholm), then larger kinds of place, then alphabetical."""
        exact = models.Case(
            models.When(_named(search_prefix), then=0),
            default=1,
            output_field=models.IntegerField(),
        )
        return self.filter(
            models.Q(search_name__startswith=search_prefix)
            | models.Q(search_alternative_name__startswith=search_prefix)
        ).order_by(exact, *_LARGEST_FIRST)

    def largest_first(self) -> "PlaceQuerySet":
        return self.order_by(*_LARGEST_FIRST)


def _named(search_name: str) -> models.Q:
    return models.Q(search_name=search_name) | models.Q(search_alternative_name=search_name)


_LARGEST_FIRST = (
    models.Case(
        *(models.When(kind=kind, then=rank) for rank, kind in enumerate(PlaceKind)),
        output_field=models.IntegerField(),
    ),
    "search_name",
    "label",
    "os_id",
)


class Place(LonLat):
    """A city, town, village or smaller settlement from OS Open Names, for finding by name."""

    os_id = models.CharField(
        "OS Open Names ID",
        max_length=30,
        unique=True,
        help_text="The place's identifier in OS Open Names, e.g. osgb4000000074541653.",
    )
    name = models.CharField(max_length=100)
    alternative_name = models.CharField(
        max_length=100, blank=True, help_text="Another name for the place, often its Gaelic name."
    )
    kind = models.CharField(max_length=20, choices=PlaceKind.choices)
    postcode_district = models.CharField(
        max_length=4, blank=True, help_text="The postcode district OS gives, e.g. EH6."
    )
    council_area = models.ForeignKey(
        CouncilArea,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="places",
        help_text="The council area containing the place's point; empty when none does.",
    )
    label = models.CharField(
        max_length=250,
        help_text='The name a visitor picks from, e.g. "Newton, near Wick, Highland".',
    )
    search_name = models.CharField(
        max_length=100,
        db_index=True,
        help_text="The name in lower case without accents or punctuation, for searching.",
    )
    search_alternative_name = models.CharField(
        max_length=100,
        blank=True,
        db_index=True,
        help_text="The alternative name in lower case without accents or punctuation.",
    )

    objects = PlaceQuerySet.as_manager()

    class Meta(LonLat.Meta):
        ordering = ["search_name", "os_id"]
        verbose_name = "place"

    def __str__(self) -> str:
        return self.label


class PostcodeDistrict(LonLat):
    """The middle of a postcode district (the outward code, e.g. EH6): the mean of its postcodes."""

    code = models.CharField("outward code", max_length=4, unique=True)

    class Meta(LonLat.Meta):
        ordering = ["code"]
        verbose_name = "postcode district"

    def __str__(self) -> str:
        return self.code


class Postcode(LonLat):
    """A full postcode and its point, from the ONS postcode lookup (live and terminated)."""

    code = models.CharField(
        "postcode", max_length=8, unique=True, help_text="Upper case with one space, e.g. EH6 5AB."
    )

    class Meta(LonLat.Meta):
        ordering = ["code"]
        verbose_name = "postcode"

    def __str__(self) -> str:
        return self.code


# Shown on the area pages and the statistics page.
class Understanding(models.TextChoices):
    VERY_GOOD = "very_good", gettext_lazy("Very good")
    BASIC = "basic", gettext_lazy("Basic")
    POOR = "poor", gettext_lazy("Poor")
    NOT_KNOWN = "not_known", gettext_lazy("Not known")


class Existence(models.TextChoices):
    YES = "yes", gettext_lazy("Yes")
    NO = "no", gettext_lazy("No")
    NOT_KNOWN = "not_known", gettext_lazy("Not known")


class AreaNote(models.Model):
    """What admins know about an area's wider response, kept beside the map for policy readers.

    The mapping survey asked how well mainstream services there understand people who sell or
    exchange sex, and whether the area has a commercial sexual exploitation (CSE) working group,
    a position statement and training.
    """

    area = models.OneToOneField(CouncilArea, on_delete=models.CASCADE, related_name="note")
    mainstream_understanding = models.CharField(
        "mainstream services' understanding",
        max_length=10,
        choices=Understanding.choices,
        default=Understanding.NOT_KNOWN,
    )
    cse_working_group = models.CharField(
        "has a CSE working group",
        max_length=10,
        choices=Existence.choices,
        default=Existence.NOT_KNOWN,
    )
    position_statement = models.CharField(
        "has a position statement",
        max_length=10,
        choices=Existence.choices,
        default=Existence.NOT_KNOWN,
    )
    training = models.CharField(
        "offers training", max_length=10, choices=Existence.choices, default=Existence.NOT_KNOWN
    )
    notes = models.TextField(blank=True, help_text="Shown publicly on the area's page.")
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["area__name"]
        verbose_name = "note on an area"
        verbose_name_plural = "notes on areas"

    def __str__(self) -> str:
        return f"Notes on {self.area.name}"
