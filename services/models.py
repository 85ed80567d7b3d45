"""Organisations, their specialist services, where those services are, and who they are for.

Eligibility lives on the service as plain fields (design §4) so that the rules in
``services.eligibility`` can read them without another query.
"""

import uuid
from collections.abc import Collection
from datetime import date, timedelta

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, URLValidator, validate_email
from django.db import models
from django.db.models.functions import Coalesce, Greatest
from django.db.models.lookups import Exact, GreaterThan
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy, pgettext_lazy
from djgeojson.fields import PointField
from simple_history.models import HistoricalRecords

from geography.lookup import area_at
from geography.models import CouncilArea
from servicemap.languages import ENGLISH, HasOwnWords, localized_field
from services.bulk_writes import BulkWritesQuerySet

MAX_AGE = 120
# How the admin action "mark as checked today" records its source (see templatetags/finder.py).
CHECKED_WITH_THE_SERVICE = "Checked with the service"
# Why an edit was made, in its history, when the service itself confirmed what it holds.
CONFIRMED_WITH_THE_SERVICE = "Confirmed with the service"


def review_cutoff(today: date) -> date:
    """Facts last checked before this day may be out of date."""
    return today - timedelta(days=settings.VERIFICATION_PERIOD_DAYS)


def may_be_out_of_date(last_verified: date | None, today: date) -> bool:
    return last_verified is None or last_verified < review_cutoff(today)


class OfferCode(models.TextChoices):
    """What a service offers: the mapping survey's categories, in words a visitor would use."""

    HOLISTIC_SUPPORT = "holistic_support", gettext_lazy("Holistic, one-to-one support")
    EMOTIONAL_SUPPORT = "emotional_support", gettext_lazy("Emotional support")
    COUNSELLING = "counselling", gettext_lazy("Counselling")
    ADVOCACY_REFERRALS = (
        "advocacy_referrals",
        gettext_lazy("Advocacy and referrals to other services"),
    )
    SAFETY_ADVICE = "safety_advice", gettext_lazy("Safety advice")
    OUTREACH_HARM_REDUCTION = "outreach_harm_reduction", gettext_lazy("Outreach and harm reduction")
    SEXUAL_HEALTH = "sexual_health", gettext_lazy("Sexual health")
    DRUGS_ALCOHOL = "drugs_alcohol", gettext_lazy("Drugs and alcohol support")
    HOUSING_BENEFITS = "housing_benefits", gettext_lazy("Housing and benefits advice")
    EMPLOYABILITY = "employability", gettext_lazy("Employment and training")
    COURSES_PEER_SUPPORT = "courses_peer_support", gettext_lazy("Courses and peer support")
    TRAFFICKING_LEGAL_ASYLUM = (
        "trafficking_legal_asylum",
        gettext_lazy("Trafficking, legal and asylum support"),
    )
    INCIDENT_REPORTING_ALERTS = (
        "incident_reporting_alerts",
        gettext_lazy("Reporting incidents and alerts"),
    )


class AccessCode(models.TextChoices):
    """How a person can reach a service."""

    SELF_REFERRAL = "self_referral", gettext_lazy("Refer yourself")
    PROFESSIONAL_REFERRAL = "professional_referral", gettext_lazy("Referral by a professional")
    DROP_IN = "drop_in", gettext_lazy("Drop-in")
    OUTREACH = "outreach", gettext_lazy("Outreach (they come to you)")
    HOME_VISITS = "home_visits", gettext_lazy("Home visits")
    ONLINE = "online", gettext_lazy("Online")
    PHONE = "phone", gettext_lazy("Phone")
    TEXT = "text", gettext_lazy("Text message")


class Scope(models.TextChoices):
    AREAS = "areas", "The council areas listed"
    SCOTLAND = "scotland", "All of Scotland"
    UK = "uk", "All of the UK"


class MenServed(models.TextChoices):
    NONE = "none", "No"
    ALL = "all", "Yes, all men"
    MSM_ONLY = "msm_only", "Only men who have sex with men"


class Inclusion(models.TextChoices):
    """Whether a service supports a group. The survey found this was often not stated; "not
    stated" is kept as its own answer and is never read as yes or no."""

    INCLUDED = "included", "Explicitly included"
    NOT_STATED = "not_stated", "Not stated"
    EXCLUDED = "excluded", "Excluded"


class Involvement(models.TextChoices):
    CURRENT = "current", "People currently selling or exchanging sex"
    FORMER = "former", "People who no longer sell or exchange sex"
    EITHER = "either", "Either"


class WaitingList(models.TextChoices):
    NONE = "none", "No waiting list"
    WAITING_LIST = "waiting_list", "Waiting list"
    NEXT_COURSE = "next_course", "Starts with the next course"


class Confidence(models.TextChoices):
    """How far a group of facts has been confirmed (see fixtures/README.md)."""

    HIGH = "high", "Stated by the service or the survey"
    MEDIUM = "medium", "From a reliable secondary source"
    LOW = "low", "Not yet checked with the service"


class ContactKind(models.TextChoices):
    PHONE = "phone", gettext_lazy("Phone")
    TEXT = "text", gettext_lazy("Text message")
    EMAIL = "email", gettext_lazy("Email")
    WEBSITE = "website", gettext_lazy("Website")
    ONLINE_FORM = "online_form", gettext_lazy("Online form")
    LIVE_CHAT = "live_chat", gettext_lazy("Live chat")
    # A public address a person may go to (a drop-in); never a confidential one (see public).
    ADDRESS = "address", gettext_lazy("Address")


class ServiceStatus(models.TextChoices):
    """Whether a service still runs, as far as the latest evidence shows (design §4)."""

    RUNNING = "running", pgettext_lazy("a service's status", "Running")
    CHANGED = "changed", pgettext_lazy("a service's status", "Changed")
    TEMPORARILY_CLOSED = (
        "temporarily_closed",
        pgettext_lazy("a service's status", "Temporarily closed"),
    )
    CLOSED = "closed", pgettext_lazy("a service's status", "Closed")
    UNKNOWN = "unknown", pgettext_lazy("a service's status", "Not known")


class WorkingLanguage(models.TextChoices):
    """A language a service's own staff may support a person in, besides English: the site's
    languages and the others most spoken in Scotland (the 2022 census), by their ISO 639-1 code
    (ISO 639-3 where there is none), as the Open Referral standard names them."""

    ALBANIAN = "sq", pgettext_lazy("a language's name", "Albanian")
    ARABIC = "ar", pgettext_lazy("a language's name", "Arabic")
    BENGALI = "bn", pgettext_lazy("a language's name", "Bengali")
    BRITISH_SIGN_LANGUAGE = "bfi", pgettext_lazy("a language's name", "British Sign Language")
    BULGARIAN = "bg", pgettext_lazy("a language's name", "Bulgarian")
    CANTONESE = "yue", pgettext_lazy("a language's name", "Cantonese")
    CHINESE = "zh", pgettext_lazy("a language's name", "Chinese (Mandarin)")
    CZECH = "cs", pgettext_lazy("a language's name", "Czech")
    FARSI = "fa", pgettext_lazy("a language's name", "Farsi")
    FRENCH = "fr", pgettext_lazy("a language's name", "French")
    GAELIC = "gd", pgettext_lazy("a language's name", "Scottish Gaelic")
    HUNGARIAN = "hu", pgettext_lazy("a language's name", "Hungarian")
    ITALIAN = "it", pgettext_lazy("a language's name", "Italian")
    KURDISH = "ku", pgettext_lazy("a language's name", "Kurdish")
    LATVIAN = "lv", pgettext_lazy("a language's name", "Latvian")
    LITHUANIAN = "lt", pgettext_lazy("a language's name", "Lithuanian")
    POLISH = "pl", pgettext_lazy("a language's name", "Polish")
    PORTUGUESE = "pt", pgettext_lazy("a language's name", "Portuguese")
    PUNJABI = "pa", pgettext_lazy("a language's name", "Punjabi")
    ROMANIAN = "ro", pgettext_lazy("a language's name", "Romanian")
    RUSSIAN = "ru", pgettext_lazy("a language's name", "Russian")
    SLOVAK = "sk", pgettext_lazy("a language's name", "Slovak")
    SOMALI = "so", pgettext_lazy("a language's name", "Somali")
    SPANISH = "es", pgettext_lazy("a language's name", "Spanish")
    THAI = "th", pgettext_lazy("a language's name", "Thai")
    TIGRINYA = "ti", pgettext_lazy("a language's name", "Tigrinya")
    TURKISH = "tr", pgettext_lazy("a language's name", "Turkish")
    UKRAINIAN = "uk", pgettext_lazy("a language's name", "Ukrainian")
    URDU = "ur", pgettext_lazy("a language's name", "Urdu")
    VIETNAMESE = "vi", pgettext_lazy("a language's name", "Vietnamese")


class Interpreters(models.TextChoices):
    """Whether a service brings in interpreters for languages its staff do not speak. "Not
    known" is its own answer: it is never read as no, nor shown as "English only"."""

    YES = "yes", "Uses interpreters"
    NO = "no", "Does not use interpreters"
    NOT_KNOWN = "not_known", "Not known"


def validate_language_codes(value: object) -> None:
    """A service's working languages: a list of WorkingLanguage codes, each once."""
    if not isinstance(value, list) or not all(isinstance(code, str) for code in value):
        raise ValidationError("Give the languages as a list of language codes.")
    unknown = sorted(set(value) - set(WorkingLanguage.values))
    if unknown:
        raise ValidationError(
            "Not a language on the list: %(codes)s.", params={"codes": ", ".join(unknown)}
        )
    if len(set(value)) != len(value):
        raise ValidationError("Give each language once.")


class WorkingLanguagesField(models.JSONField):
    """A list of WorkingLanguage codes in a JSON column (jsonb on PostgreSQL), which SQLite and
    PostgreSQL both hold; forms (the admin) offer it as a box per language."""

    def formfield(self, **kwargs) -> forms.Field:
        return forms.TypedMultipleChoiceField(
            choices=WorkingLanguage.choices,
            required=not self.blank,
            label=self.verbose_name[:1].upper() + self.verbose_name[1:],
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )


# A service's current status, kept together: the contacts loader and the admins set them.
STATUS_FIELDS = ("status", "status_note", "status_source", "status_seen_on", "status_confidence")
# When a service is open and how people get to it, as public sources or the service say: like
# the status, the contacts file's to set (services/contacts_import.py) and the admins', never the
# seed's.
ACCESS_FIELDS = (
    "opening_times",
    "opening_times_source",
    "opening_times_confidence",
    "referral",
    "referral_source",
    "referral_confidence",
)
# Which languages a service works in and whether it uses interpreters, with where that comes
# from: like the access notes, the contacts file's to set and the admins', never the seed's.
LANGUAGE_FIELDS = (
    "working_languages",
    "interpreters",
    "languages_source",
    "languages_confidence",
)
# What the seed never sets but the contacts file, the admins and an Open Referral feed do: each
# service's status, access notes and languages, and when the service confirmed each.
NOT_SEEDED_FIELDS = (
    *STATUS_FIELDS,
    "status_confirmed_on",
    *ACCESS_FIELDS,
    "access_confirmed_on",
    *LANGUAGE_FIELDS,
    "languages_confirmed_on",
    # The admins' own words on its languages (and the old free text, kept by migration 0012).
    "languages_note",
)


def _source_field(verbose_name: str) -> models.URLField:
    """The address of the public page a fact was taken from."""
    return models.URLField(verbose_name, max_length=500, blank=True, help_text="The page it is on.")


def _confidence_field(verbose_name: str) -> models.CharField:
    """How reliable a fact's source is."""
    return models.CharField(
        verbose_name, max_length=6, choices=Confidence.choices, default=Confidence.LOW
    )


class Timestamped(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class Offer(models.Model):
    """One kind of help, as a row, so services can be filtered and counted by it in SQL.

    Rows mirror :class:`OfferCode` and are kept in step after every migrate (see signals.py).
    """

    code = models.CharField(max_length=40, primary_key=True, choices=OfferCode.choices)
    description = models.TextField(blank=True, help_text="Shown to visitors who ask what it means.")

    class Meta:
        ordering = ["code"]
        verbose_name = "kind of help"
        verbose_name_plural = "kinds of help"

    def __str__(self) -> str:
        return self.get_code_display()


class AccessRoute(models.Model):
    """One way of reaching a service, as a row (mirrors :class:`AccessCode`)."""

    code = models.CharField(max_length=40, primary_key=True, choices=AccessCode.choices)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = "way to access a service"
        verbose_name_plural = "ways to access a service"

    def __str__(self) -> str:
        return self.get_code_display()


# Managers whose update() and bulk writes check, record and announce each row as a save does.
BulkWritesManager = models.Manager.from_queryset(BulkWritesQuerySet)


class OrganisationManager(BulkWritesManager):
    def get_by_natural_key(self, name: str) -> "Organisation":
        return self.get(name=name)


class Organisation(Timestamped):
    name = models.CharField(max_length=200, unique=True)
    website = models.URLField(blank=True)
    # Required by the Open Referral standard, which other directories read our data in.
    description = models.TextField(help_text="What the organisation is, in a sentence or two.")

    objects = OrganisationManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.name,)


class ServiceQuerySet(BulkWritesQuerySet):
    def working_in(self, area: CouncilArea) -> "ServiceQuerySet":
        """Services that work in person in the area: they list it, or work across all of its
        country or the UK.

        The filter is read off services.availability's rule (the scopes it lets in, listed or
        not), not restated. A subquery rather than a join, so a service listing many areas is
        listed once.
        """
        # Imported here: the rule's module builds on this one's choices.
        from services.availability import scopes_reaching_in_person

        listing = Service.coverage.through.objects.filter(councilarea=area).values("service_id")
        return self.filter(
            models.Q(pk__in=listing, scope__in=scopes_reaching_in_person(area.country, True))
            | models.Q(scope__in=scopes_reaching_in_person(area.country, False))
        )

    def offering(self, offer_code: str) -> "ServiceQuerySet":
        return self.filter(offers=offer_code)

    def mentioning(self, text: str) -> "ServiceQuerySet":
        """Services whose name, organisation, summary or description mention ``text``: their
        words in English and in the language active, whichever the person wrote in."""
        mention = models.Q(name__icontains=text) | models.Q(organisation__name__icontains=text)
        for field in ("summary", "description"):
            for code in {ENGLISH.code, translation.get_language() or ENGLISH.code}:
                mention |= models.Q(**{f"{localized_field(field, code)}__icontains": text})
        return self.filter(mention)

    def needing_review(self, today: date | None = None) -> "ServiceQuerySet":
        """Services not checked with the service within VERIFICATION_PERIOD_DAYS (or never)."""
        return self.filter(
            models.Q(last_verified__isnull=True)
            | models.Q(last_verified__lt=review_cutoff(today or timezone.localdate()))
        )

    def in_finder(self) -> "ServiceQuerySet":
        """Services the finder may send a person to: a closed one, or one the team has taken out
        of the finder (not support a person can contact), keeps its page but leaves the finder."""
        return self.exclude(status=ServiceStatus.CLOSED).filter(listed_in_finder=True)

    def with_contact_state(self) -> "ServiceQuerySet":
        """Each service with what the queue of services to contact shows: its contact routes,
        how many of them the service has confirmed, and its last check with the service (of its
        status or of its details, whichever is later; None if never)."""
        confirmed = models.Q(contact_routes__confirmed_on__isnull=False)
        return self.annotate(
            route_count=models.Count("contact_routes"),
            confirmed_route_count=models.Count("contact_routes", filter=confirmed),
            # Greatest() is NULL on SQLite as soon as one date is: each date stands in for the
            # other when it is missing.
            last_checked=Greatest(
                Coalesce("status_confirmed_on", "last_verified"),
                Coalesce("last_verified", "status_confirmed_on"),
            ),
        ).annotate(
            has_confirmed_route=GreaterThan(models.F("confirmed_route_count"), 0),
            status_unknown=Exact(models.F("status"), ServiceStatus.UNKNOWN),
        )

    def to_contact(self) -> "ServiceQuerySet":
        return self.with_contact_state().order_by(*CONTACT_QUEUE_ORDER)

    def confirm_with_the_service(self, on: date, by: str) -> int:
        """Record that each service here confirmed, on that day, that it runs as its status says
        and that its details hold, its opening times and way in too (an admin's call or email to
        it, after correcting what the service said was wrong): kept in its history as an
        edit by the user of the request, and shown on its page as checked with the service.

        A status that is not known cannot be confirmed, or its page would say both that it was
        checked with the service and that there is no news of it: all are refused until it is
        set. Its status evidence is dated that day, so a public source dated before the call does
        not replace it (services/contacts_import.py)."""
        not_known = list(self.filter(status=ServiceStatus.UNKNOWN).values_list("name", flat=True))
        if not_known:
            raise ValidationError(
                [
                    f"service {name!r}: set its status first: one not known cannot be confirmed."
                    for name in not_known
                ]
            )
        return self.save_each(
            CONFIRMED_WITH_THE_SERVICE,
            status_confirmed_on=on,
            status_seen_on=on,
            status_confidence=Confidence.HIGH,
            access_confirmed_on=on,
            last_verified=on,
            verification_source=f"{CHECKED_WITH_THE_SERVICE} by {by}",
        )

    def confirmed_by_the_service(self) -> "ServiceQuerySet":
        """Services that have confirmed anything themselves: a contact route, their status, or
        their details when an admin checked with them. The survey's and the public sources'
        dates are not confirmations: neither was checked with each service."""
        return self.filter(
            models.Q(status_confirmed_on__isnull=False)
            | models.Q(contact_routes__confirmed_on__isnull=False)
            | models.Q(
                last_verified__isnull=False,
                verification_source__startswith=CHECKED_WITH_THE_SERVICE,
            )
        ).distinct()

    def added_since_the_survey(self) -> "ServiceQuerySet":
        return self.filter(in_2022_survey=False)

    def problems_with(self, row: "Service", created: bool) -> dict[str, list[str]]:
        problems = super().problems_with(row, created)
        # A service just created has no relations yet; they are checked when they are written.
        if not created:
            for field, message in row.problems_with_its_relations().items():
                problems.setdefault(field, []).append(message)
        return problems


class AllServicesManager(models.Manager.from_queryset(ServiceQuerySet)):
    def get_by_natural_key(self, slug: str) -> "Service":
        return self.get(slug=slug)


class PublishedServicesManager(models.Manager.from_queryset(ServiceQuerySet)):
    def get_queryset(self) -> ServiceQuerySet:
        return super().get_queryset().filter(published=True)


# The words admins keep in each language (services/translation.py), in the order forms show them:
# what a person reads about a service (what it is, who it is for beyond the finder's questions,
# how to get support from it, when it is open, what changed in its running), its routes and bases.
SERVICE_WORDS = (
    "summary",
    "description",
    "how_to_access",
    "other_criteria",
    "opening_times",
    "referral",
    "status_note",
)
CONTACT_ROUTE_WORDS = ("label", "hours")
LOCATION_WORDS = ("opening_times",)


class Service(HasOwnWords, Timestamped):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="services"
    )
    name = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=100,
        unique=True,
        help_text="Part of the page address. Keep it discreet: the name only, no description.",
    )
    summary = models.CharField(max_length=400, help_text="One or two sentences a visitor reads.")
    description = models.TextField(blank=True)

    offers = models.ManyToManyField(Offer, related_name="services", verbose_name="what it offers")
    primary_offer = models.ForeignKey(
        Offer,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="main kind of help",
        help_text="The one category the mapping survey groups the service under.",
    )
    access_routes = models.ManyToManyField(
        AccessRoute, related_name="services", verbose_name="how to access it"
    )
    how_to_access = models.TextField(
        blank=True, help_text="How to get in touch or refer someone, in plain words."
    )

    scope = models.CharField(
        "where it works",
        max_length=10,
        choices=Scope.choices,
        default=Scope.AREAS,
        help_text="All of Scotland or the UK instead of listing every council area.",
    )
    coverage = models.ManyToManyField(
        CouncilArea,
        blank=True,
        related_name="services",
        verbose_name="council areas covered",
        help_text="The areas it serves when it works in listed areas only.",
    )
    remote = models.BooleanField(
        "supports people remotely", default=False, help_text="Online or by phone."
    )
    travel_costs_covered = models.BooleanField(default=False)
    police_led = models.BooleanField(default=False)
    waiting_list = models.CharField(
        max_length=20, choices=WaitingList.choices, default=WaitingList.NONE
    )
    next_course_starts = models.DateField(
        null=True, blank=True, help_text="Only for services that start with the next course."
    )
    working_languages = WorkingLanguagesField(
        "languages its staff work in besides English",
        default=list,
        blank=True,
        validators=[validate_language_codes],
        help_text="Only those a source or the service states. None ticked is shown as not "
        "known, never as English only.",
    )
    interpreters = models.CharField(
        "uses interpreters",
        max_length=9,
        choices=Interpreters.choices,
        default=Interpreters.NOT_KNOWN,
        help_text="For languages its staff do not speak.",
    )
    languages_note = models.TextField(
        "about its languages, in words",
        blank=True,
        help_text="Anything more a source says about its languages or interpreters. Shown to "
        "visitors with the languages.",
    )
    languages_source = _source_field("languages source")
    languages_confidence = _confidence_field("languages confidence")
    languages_confirmed_on = models.DateField(
        "languages confirmed with the service on",
        null=True,
        blank=True,
        help_text="Leave empty until the service itself has confirmed its languages and "
        "interpreters as shown; the contacts file never changes them after.",
    )

    min_age = models.PositiveSmallIntegerField(
        "minimum age", null=True, blank=True, validators=[MaxValueValidator(MAX_AGE)]
    )
    max_age = models.PositiveSmallIntegerField(
        "maximum age", null=True, blank=True, validators=[MaxValueValidator(MAX_AGE)]
    )
    women = models.BooleanField("supports women", default=True)
    men = models.CharField(
        "supports men", max_length=10, choices=MenServed.choices, default=MenServed.NONE
    )
    trans = models.CharField(
        "supports trans people",
        max_length=12,
        choices=Inclusion.choices,
        default=Inclusion.NOT_STATED,
    )
    non_binary = models.CharField(
        "supports non-binary people",
        max_length=12,
        choices=Inclusion.choices,
        default=Inclusion.NOT_STATED,
    )
    involvement = models.CharField(
        "for people who", max_length=10, choices=Involvement.choices, default=Involvement.EITHER
    )
    for_trafficked_people = models.BooleanField(
        "only for people who have been trafficked", default=False
    )
    other_criteria = models.TextField("other eligibility criteria", blank=True)

    last_verified = models.DateField(
        "last checked", null=True, blank=True, help_text="When these details were last confirmed."
    )
    verification_source = models.CharField("checked by or with", max_length=300, blank=True)
    location_confidence = models.CharField(
        max_length=6, choices=Confidence.choices, default=Confidence.LOW
    )
    offer_confidence = models.CharField(
        max_length=6, choices=Confidence.choices, default=Confidence.LOW
    )
    eligibility_confidence = models.CharField(
        max_length=6, choices=Confidence.choices, default=Confidence.LOW
    )
    waiting_list_confidence = models.CharField(
        max_length=6, choices=Confidence.choices, default=Confidence.LOW
    )
    data_notes = models.TextField(
        blank=True, help_text="For admins only: where facts came from and what to check."
    )
    published = models.BooleanField(default=True, help_text="Shown on the public site.")
    status = models.CharField(
        "current status",
        max_length=20,
        choices=ServiceStatus.choices,
        default=ServiceStatus.UNKNOWN,
        help_text="A closed service leaves the finder but keeps its page.",
    )
    status_note = models.TextField(
        "what changed, or the evidence", blank=True, help_text="Shown to visitors when changed."
    )
    status_source = models.URLField(
        "status source", max_length=500, blank=True, help_text="The page the evidence is on."
    )
    status_seen_on = models.DateField(
        "status evidence dated",
        null=True,
        blank=True,
        help_text="The date of the latest evidence of its status.",
    )
    status_confidence = models.CharField(
        "status confidence",
        max_length=6,
        choices=Confidence.choices,
        default=Confidence.LOW,
        help_text="How reliable the status evidence is.",
    )
    status_confirmed_on = models.DateField(
        "status confirmed with the service on",
        null=True,
        blank=True,
        help_text="Leave empty until the service itself has confirmed it still runs as shown.",
    )
    opening_times = models.TextField(
        "when it is open",
        blank=True,
        help_text="When it is open or answered, as the source says it. Shown to visitors with "
        "its source and whether the service confirmed it.",
    )
    opening_times_source = _source_field("opening times source")
    opening_times_confidence = _confidence_field("opening times confidence")
    referral = models.TextField(
        "how people get to it",
        blank=True,
        help_text="How a person gets support from it (self-referral, through a worker, a "
        "partner agency), as the source says it.",
    )
    referral_source = _source_field("how-people-get-to-it source")
    referral_confidence = _confidence_field("how-people-get-to-it confidence")
    access_confirmed_on = models.DateField(
        "opening times and how people get to it confirmed with the service on",
        null=True,
        blank=True,
        help_text="Leave empty until the service itself has confirmed both as shown; the "
        "contacts file never changes them after.",
    )
    in_2022_survey = models.BooleanField(
        "one of the 2022 survey's 16",
        default=False,
        help_text="Found by the Scottish Government's 2022 mapping survey. The survey's figures "
        "count only these; a service added since counts only in the directory's own figures.",
    )
    listed_in_finder = models.BooleanField(
        "listed in the finder",
        default=True,
        help_text="Untick for a service the finder must not send a person to, such as one that is "
        "no longer support a person can contact: its page stays and says why.",
    )
    not_listed_because = models.TextField(
        "why it is not in the finder",
        blank=True,
        help_text="Shown to visitors on its page when it is not listed in the finder.",
    )
    is_synthetic = models.BooleanField(
        "synthetic test data",
        default=False,
        editable=False,
        help_text="Made by generate_scale_data for benchmarks; never mixed with real services.",
    )

    # Its history (who changed what and when) is registered in services/translation.py, after the
    # fields of its words in each language.

    # The first manager is Django's default (admin, loaders); public code asks for published ones.
    all_objects = AllServicesManager()
    published_objects = PublishedServicesManager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(min_age__isnull=True)
                | models.Q(max_age__isnull=True)
                | models.Q(min_age__lte=models.F("max_age")),
                name="service_min_age_not_above_max_age",
                violation_error_message="The minimum age cannot be above the maximum age.",
            ),
            models.CheckConstraint(
                condition=(models.Q(min_age__isnull=True) | models.Q(min_age__lte=MAX_AGE))
                & (models.Q(max_age__isnull=True) | models.Q(max_age__lte=MAX_AGE)),
                name="service_ages_in_range",
                violation_error_message=f"Ages must be between 0 and {MAX_AGE}.",
            ),
            models.CheckConstraint(
                condition=models.Q(women=True) | ~models.Q(men=MenServed.NONE),
                name="service_supports_someone",
                violation_error_message="A service must support women, men or both.",
            ),
            models.CheckConstraint(
                condition=models.Q(next_course_starts__isnull=True)
                | models.Q(waiting_list=WaitingList.NEXT_COURSE),
                name="service_course_date_only_for_courses",
                violation_error_message=(
                    "A next course date only applies to services that start with the next course."
                ),
            ),
            models.CheckConstraint(
                condition=~models.Q(status=ServiceStatus.CHANGED) | ~models.Q(status_note=""),
                name="service_changed_status_says_what_changed",
                violation_error_message="Say what changed: visitors read it beside the service.",
            ),
            models.CheckConstraint(
                condition=models.Q(listed_in_finder=True) | ~models.Q(not_listed_because=""),
                name="service_left_out_of_finder_says_why",
                violation_error_message="Say why it is not in the finder: its page tells visitors.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("service-detail", kwargs={"slug": self.slug})

    @property
    def in_finder(self) -> bool:
        """The instance's side of ``ServiceQuerySet.in_finder``: the same two conditions."""
        return self.listed_in_finder and self.status != ServiceStatus.CLOSED

    def natural_key(self) -> tuple[str]:
        return (self.slug,)

    def problems_with_its_relations(self) -> dict[str, str]:
        """The rules across its relations, over the relations as stored."""
        return relation_problems(
            scope=self.scope,
            coverage=list(self.coverage.values_list("code", flat=True)),
            offers=list(self.offers.values_list("code", flat=True)),
            primary_offer=self.primary_offer_id,
        )


def relation_problems(
    scope: str, coverage: Collection[str], offers: Collection[str], primary_offer: str | None
) -> dict[str, str]:
    """Rules across a service's many-to-many fields, which database constraints cannot hold:
    problems by field name, from council-area codes and offer codes. The admin form, the bulk
    import, the seed and feed loaders and the ORM's bulk writes all check them, with these words."""
    problems = {}
    if scope == Scope.AREAS and not coverage:
        problems["coverage"] = (
            "Choose the areas it covers, or say it works across Scotland or the UK."
        )
    if primary_offer is not None and primary_offer not in offers:
        problems["primary_offer"] = "The main kind of help must be one of what it offers."
    return problems


class ReviewQueueManager(models.Manager.from_queryset(ServiceQuerySet)):
    def get_queryset(self) -> ServiceQuerySet:
        return super().get_queryset().needing_review()


class ServiceToReview(Service):
    """The admins' review queue: services not checked with the service recently enough."""

    objects = ReviewQueueManager()

    class Meta:
        proxy = True
        verbose_name = "service to check"
        verbose_name_plural = "services to check"


# The queue of services to contact, most pressing first: none of its routes confirmed by the
# service (so none a person can fully rely on), then no news of whether it runs, then the longest
# since anyone checked with it (never first), then by name.
CONTACT_QUEUE_ORDER = (
    models.F("has_confirmed_route").asc(),
    models.F("status_unknown").desc(),
    models.F("last_checked").asc(nulls_first=True),
    "name",
)


class ContactQueueManager(models.Manager.from_queryset(ServiceQuerySet)):
    def get_queryset(self) -> ServiceQuerySet:
        return super().get_queryset().to_contact()


class ServiceToContact(Service):
    """The admins' queue of services to contact, to confirm their routes and status with them."""

    objects = ContactQueueManager()

    class Meta:
        proxy = True
        verbose_name = "service to contact"
        verbose_name_plural = "services to contact"


class PublicLocationsManager(BulkWritesManager):
    """Locations whose address may be shown: confidential addresses (safe accommodation) never
    appear on a public page, in the API or in an export."""

    def get_queryset(self) -> models.QuerySet:
        return super().get_queryset().filter(public=True, service__published=True)


class Location(HasOwnWords, Timestamped):
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="locations")
    name = models.CharField(max_length=200, help_text="e.g. the building or the drop-in's name.")
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    point = PointField(
        null=True, blank=True, help_text="Where it is on the map. Leave empty if not known."
    )
    council_area = models.ForeignKey(
        CouncilArea,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Found from the point when there is one; otherwise choose it.",
    )
    opening_times = models.TextField(blank=True)
    accessibility = models.TextField("accessibility notes", blank=True)
    public = models.BooleanField(
        "address may be shown",
        default=True,
        help_text="Untick for confidential addresses: visitors are told to contact the service.",
    )

    all_objects = BulkWritesManager()
    public_objects = PublicLocationsManager()
    # Its history is registered in services/translation.py, with its words in each language.

    class Meta:
        ordering = ["service__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["service", "name"], name="location_name_per_service"),
            models.CheckConstraint(
                condition=models.Q(point__isnull=False) | models.Q(council_area__isnull=False),
                name="location_has_point_or_area",
                violation_error_message="Give a point on the map or choose a council area.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.service})"

    def save(self, *args, **kwargs) -> None:
        if self.point:
            self.council_area = self.area_of_point()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.point:
            self.council_area = self.area_of_point()
            if self.council_area is None:
                raise ValidationError({"point": "This point is not inside any council area."})

    def area_of_point(self) -> CouncilArea | None:
        lon, lat = self.point["coordinates"][:2]
        return area_at(lon, lat)


class PublicContactRoutesManager(BulkWritesManager):
    def get_queryset(self) -> models.QuerySet:
        return super().get_queryset().filter(public=True, service__published=True)


class ContactRoute(HasOwnWords, Timestamped):
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="contact_routes")
    kind = models.CharField(max_length=12, choices=ContactKind.choices)
    value = models.CharField(max_length=300, help_text="The number, address or web address.")
    label = models.CharField(
        max_length=500, blank=True, help_text="What it is for, e.g. 'Helpline' or 'Outreach team'."
    )
    hours = models.CharField(
        max_length=300,
        blank=True,
        help_text="When it is answered or open, e.g. '9am-5pm weekdays'.",
    )
    public = models.BooleanField(
        "may be shown",
        default=True,
        help_text="Untick for contacts meant for professionals only, and for confidential "
        "addresses (safe accommodation, refuges): they are never published.",
    )
    source_url = models.URLField(
        "source", max_length=500, blank=True, help_text="The public page this route was taken from."
    )
    confidence = models.CharField(
        max_length=6,
        choices=Confidence.choices,
        default=Confidence.LOW,
        help_text="How reliable its source is: high when the service's own page gives it.",
    )
    confirmed_on = models.DateField(
        "confirmed with the service on",
        null=True,
        blank=True,
        help_text="Leave empty until the service itself has confirmed it: visitors are told it "
        "comes from a public source and is not yet confirmed.",
    )

    all_objects = BulkWritesManager()
    public_objects = PublicContactRoutesManager()
    # Its history is registered in services/translation.py, with its words in each language.

    class Meta:
        ordering = ["service__name", "kind", "value"]
        verbose_name = "contact route"
        constraints = [
            models.UniqueConstraint(
                fields=["service", "kind", "value"], name="contact_route_once_per_service"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.value}"

    def clean(self) -> None:
        try:
            if self.kind == ContactKind.EMAIL:
                validate_email(self.value)
            elif self.kind in (ContactKind.WEBSITE, ContactKind.ONLINE_FORM, ContactKind.LIVE_CHAT):
                URLValidator(schemes=["http", "https"])(self.value)
        except ValidationError as error:
            raise ValidationError({"value": error.messages}) from error


class ServiceSource(models.Model):
    """A public page or report a service's details were taken from."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="sources")
    url = models.URLField("address", max_length=500)
    title = models.CharField(max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["service__name", "url"]
        verbose_name = "source"
        constraints = [
            models.UniqueConstraint(fields=["service", "url"], name="source_once_per_service")
        ]

    def __str__(self) -> str:
        return self.title or self.url


class SuggestionKind(models.TextChoices):
    NEW_SERVICE = "new_service", gettext_lazy("A service this site does not list")
    CORRECTION = "correction", gettext_lazy("Something wrong or out of date about a service")


class SuggestionStatus(models.TextChoices):
    PENDING = "pending", "Waiting for an admin"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"


class Suggestion(Timestamped):
    """A visitor's suggestion of a service or a correction, kept for an admin to moderate.

    It holds only what the form asks for (no name, email or address of the person suggesting),
    and nothing is emailed from the server.
    """

    kind = models.CharField(max_length=12, choices=SuggestionKind.choices)
    service = models.ForeignKey(
        Service,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="suggestions",
        help_text="The service a correction is about, or the one a suggestion became.",
    )
    service_name = models.CharField(
        "service's name",
        max_length=200,
        help_text="As the visitor gave it, or the corrected service's name at the time.",
    )
    details = models.TextField(max_length=4000)
    source_url = models.URLField(
        "where this is published", max_length=500, blank=True, help_text="A page that confirms it."
    )
    status = models.CharField(
        max_length=10, choices=SuggestionStatus.choices, default=SuggestionStatus.PENDING
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderator_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(service_name=""),
                name="suggestion_names_a_service",
                # Shown to the visitor who sent the suggestion form.
                violation_error_message=gettext_lazy("Say which service this is about."),
            ),
        ]

    def __str__(self) -> str:
        subject = self.service.name if self.service_id else self.service_name
        return f"{self.get_kind_display()}: {subject}"


class CatalogueVersion(models.Model):
    """A token that changes whenever anything the finder shows changes (a service, its
    locations, contacts, organisation or coverage, or a council area), so every server process
    knows when to rebuild its in-memory catalogue (services/catalogue.py). A random token rather
    than a counter: a rolled-back change can never leave a stale catalogue looking current."""

    token = models.UUIDField(default=uuid.uuid4)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "catalogue version"

    def __str__(self) -> str:
        return f"Catalogue version {self.token} ({self.changed_at:%Y-%m-%d %H:%M})"


class UsedFinderToken(models.Model):
    """A full-page finder form's single-use token, once its answers have been shown
    (services/finder_tokens.py). The token is random and says nothing about anyone or what they
    answered; it is kept only until it would be refused as too old anyway."""

    token = models.CharField("the token's random part", max_length=32, primary_key=True)
    expires = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = "used finder token"

    def __str__(self) -> str:
        return f"Used finder token, kept until {self.expires:%Y-%m-%d %H:%M}"
