"""The numbers a person can call now, and the mainstream services to go to: data admins keep, each
with the public page it comes from and when someone last checked it there.

Every answer of the finder ends in these (services/ways_forward.py), so none is a dead end: the
urgent numbers, Childline for anyone under 18, and the mainstream routes (the NHS, housing, mental
health, drugs and alcohol) that everyone in the 2022 engagement used.
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models

from servicemap.languages import HasOwnWords


class Kind(models.TextChoices):
    URGENT = "urgent", "Urgent help"
    UNDER_18 = "under_18", "For anyone under 18"
    MAINSTREAM = "mainstream", "Mainstream service"


class Need(models.TextChoices):
    """What a mainstream route helps with; the finder's own needs map onto these
    (helplines.directory.NEEDS_FOR_OFFERS)."""

    HEALTH = "health", "Health: a GP, or NHS 24 when the GP is closed"
    SEXUAL_HEALTH = "sexual_health", "Sexual health"
    HOUSING = "housing", "Housing and homelessness"
    MENTAL_HEALTH = "mental_health", "Mental health"
    DRUGS_ALCOHOL = "drugs_alcohol", "Drugs and alcohol"


phone_number = RegexValidator(
    r"^\+?[0-9][0-9 ]{1,30}$",
    "Give the number as people dial it: digits, with spaces if you like (0800 1111).",
)


# The words admins keep in each language (helplines/translation.py), in the order forms show them.
HELPLINE_WORDS = ("name", "hours", "for_what")


class Helpline(HasOwnWords, models.Model):
    slug = models.SlugField(
        unique=True, help_text="Its name in the helplines file (fixtures/helplines.yaml)."
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    need = models.CharField(
        max_length=20,
        choices=Need.choices,
        blank=True,
        help_text="For a mainstream service only: what it helps with.",
    )
    name = models.CharField(max_length=120)
    number = models.CharField(max_length=40, validators=[phone_number])
    hours = models.CharField(max_length=200, help_text="When it answers, and what it costs.")
    for_what = models.TextField(help_text="Who it is for and when to call, in plain words.")
    source_title = models.CharField(
        max_length=200, help_text="Who published the page the number and hours come from."
    )
    source_url = models.URLField(max_length=500)
    checked_on = models.DateField(help_text="When someone last checked them on that page.")
    confirmed_on = models.DateField(
        null=True,
        blank=True,
        help_text="When the helpline itself confirmed them to us; empty: not confirmed.",
    )
    order = models.PositiveSmallIntegerField(
        default=0, help_text="Lower comes first within its kind."
    )
    # Its history is registered in helplines/translation.py, with its words in each language.

    class Meta:
        ordering = ["kind", "order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(kind=Kind.MAINSTREAM) & ~models.Q(need=""))
                | (~models.Q(kind=Kind.MAINSTREAM) & models.Q(need="")),
                name="helpline_need_only_for_mainstream",
                violation_error_message="A mainstream service says what it helps with; "
                "urgent and under-18 numbers do not.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.number})"

    def clean(self) -> None:
        super().clean()
        if self.kind == Kind.MAINSTREAM and not self.need:
            raise ValidationError({"need": "Say what this mainstream service helps with."})
        if self.kind != Kind.MAINSTREAM and self.need:
            raise ValidationError({"need": "Only a mainstream service has a need."})

    @property
    def dial(self) -> str:
        """The number as a tel: link wants it: digits only."""
        return "".join(character for character in self.number if character.isdigit())

    @property
    def unbroken(self) -> str:
        """The number as shown: its spaces do not break, so it never wraps onto two lines."""
        return self.number.replace(" ", "\N{NO-BREAK SPACE}")
