"""The finder's question form: every question optional, "prefer not to say" always allowed."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from geography.locate import locate_text
from geography.models import CouncilArea, Country
from services.eligibility import Gender, PersonInvolvement
from services.models import (
    MAX_AGE,
    OfferCode,
    Service,
    Suggestion,
    SuggestionKind,
    WorkingLanguage,
)
from services.wording import SHOW_NOT_FOR_YOU, TELL_US_MORE
from services.working_languages import language_choice_label

# Translators: an answer every question of the finder offers.
PREFER_NOT_TO_SAY = ("", gettext_lazy("Prefer not to say"))
# Browsers fill a form in again from history on Back and Reload unless told not to: someone else
# pressing Back must not see a person's answers (the templates' fields say the same).
NOT_FROM_HISTORY = {"autocomplete": "off"}


class OptionalAnswerField(forms.TypedChoiceField):
    """A radio question that always offers "Prefer not to say", read as None."""

    def __init__(self, *, choices, coerce=str, **kwargs):
        super().__init__(
            choices=[*choices, PREFER_NOT_TO_SAY],
            coerce=coerce,
            empty_value=None,
            required=False,
            widget=forms.RadioSelect,
            **kwargs,
        )


class TriStateField(OptionalAnswerField):
    """Yes / No / Prefer not to say, as True / False / None."""

    def __init__(self, **kwargs):
        super().__init__(
            # Translators: answers to a yes-or-no question of the finder.
            choices=[("yes", gettext_lazy("Yes")), ("no", gettext_lazy("No"))],
            coerce="yes".__eq__,
            **kwargs,
        )


# The name of the buttons that choose one of the places a typed name may mean.
PLACE_CHOICE = "place_choice"


class FinderForm(forms.Form):
    place = forms.CharField(
        label=gettext_lazy("Where are you? Town, village or postcode"),
        required=False,
        max_length=100,
        help_text=gettext_lazy("For example Inverness, EH6 5AB or just EH6."),
    )
    area = forms.ModelChoiceField(
        label=gettext_lazy("Or choose a council area"),
        queryset=CouncilArea.objects.none(),
        required=False,
        empty_label=gettext_lazy("Choose a council area"),
        to_field_name="code",
    )
    # A point chosen on the map: like every answer, never filled in again from history.
    lon = forms.FloatField(
        required=False, min_value=-180, max_value=180, widget=forms.HiddenInput(NOT_FROM_HISTORY)
    )
    lat = forms.FloatField(
        required=False, min_value=-90, max_value=90, widget=forms.HiddenInput(NOT_FROM_HISTORY)
    )
    age = forms.IntegerField(
        # Translators: a question of the finder: the person's age.
        label=gettext_lazy("Age"),
        required=False,
        min_value=0,
        max_value=MAX_AGE,
        # Translators: the hint under the finder's question "Age".
        help_text=gettext_lazy("In years."),
    )
    # Translators: a question of the finder: the person's gender.
    gender = OptionalAnswerField(label=gettext_lazy("Gender"), choices=Gender.choices)
    trans = TriStateField(label=gettext_lazy("Are you trans?"))
    involvement = OptionalAnswerField(
        label=gettext_lazy("Do you sell or exchange sex now?"), choices=PersonInvolvement.choices
    )
    trafficked = TriStateField(label=gettext_lazy("Have you been trafficked or exploited?"))
    needs = forms.MultipleChoiceField(
        label=gettext_lazy("What kind of help are you looking for?"),
        choices=OfferCode.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Leave empty to see every kind."),
    )
    remote_only = forms.BooleanField(
        label=gettext_lazy("Only show support I can get online or by phone"), required=False
    )
    # Never leaves a service out: each card says what is known of the language chosen.
    language = forms.ChoiceField(
        # Translators: a question of the finder, over a list of languages.
        label=gettext_lazy("Which language would you like support in?"),
        required=False,
        error_messages={
            # Translators: an error under the finder's question "Which language would you like
            # support in?", when the answer sent is not one of its list.
            "invalid_choice": gettext_lazy("Choose a language from the list, or leave it empty.")
        },
    )
    include_not_eligible = forms.BooleanField(label=SHOW_NOT_FOR_YOU, required=False)

    # The questions beyond where the person is. The page folds them under "Tell us more", so that
    # on a phone the first screen asks only where and has the button (issue 16).
    NARROWING = (
        "age",
        "gender",
        "trans",
        "involvement",
        "trafficked",
        "needs",
        "remote_only",
        "language",
        "include_not_eligible",
    )

    more_questions = TELL_US_MORE

    def __init__(self, data=None, *args, **kwargs):
        # A place chosen from those a name may mean (a button under the answer) takes the typed
        # name's place, in the answer and in the form shown with it.
        if data is not None and data.get(PLACE_CHOICE):
            data = data.copy()
            data["place"] = data[PLACE_CHOICE]
        super().__init__(data, *args, **kwargs)
        self.fields["area"].queryset = CouncilArea.objects.without_geometry().filter(
            country=Country.SCOTLAND
        )
        self.fields["area"].label_from_instance = lambda area: area.name
        # Named in the page's language and in itself, in the page language's order.
        self.fields["language"].choices = [
            # Translators: the empty choice of the finder's question "Which language would you
            # like support in?".
            ("", _("No preference")),
            *sorted(
                ((code, language_choice_label(code)) for code in WorkingLanguage.values),
                key=lambda choice: choice[1].casefold(),
            ),
        ]

    @property
    def narrowed(self) -> bool:
        """Whether the person answered any of the narrowing questions, or one needs correcting:
        the page then shows them unfolded, as the person left them."""
        if not self.is_bound:
            return False
        return any(
            self[name].data not in (None, "", [], False) or name in self.errors
            for name in self.NARROWING
        )

    def clean(self):
        cleaned = super().clean()
        if (cleaned.get("lon") is None) != (cleaned.get("lat") is None):
            raise forms.ValidationError(_("The point on the map was incomplete: choose it again."))
        self._check_place_and_area_agree(cleaned)
        return cleaned

    def _check_place_and_area_agree(self, cleaned: dict) -> None:
        """A typed place wins over a chosen area, so the two must not say different things:
        without JavaScript nothing clears one when the other changes."""
        place, area = cleaned.get("place"), cleaned.get("area")
        if not place or area is None or cleaned.get("lon") is not None:
            return
        located = locate_text(place)
        if located.area is not None and located.area.pk != area.pk:
            self.add_error(
                "place",
                _(
                    "“%(place)s” is in %(area)s, but the council area chosen is %(chosen)s. "
                    "Clear one of them."
                )
                % {"place": place, "area": located.area.name, "chosen": area.name},
            )


class SuggestionForm(forms.ModelForm):
    """Suggest a service or a correction. It asks nothing about the person suggesting."""

    source_url = forms.URLField(
        label=gettext_lazy("A web page that confirms it (optional)"),
        required=False,
        max_length=500,
        assume_scheme="https",
    )
    # Hidden from people by CSS and from screen readers; bots fill in every field they find.
    website = forms.CharField(label=gettext_lazy("Leave this empty"), required=False)

    class Meta:
        model = Suggestion
        fields = ["kind", "service", "service_name", "details", "source_url"]
        labels = {
            "kind": gettext_lazy("What would you like to tell us about?"),
            "service": gettext_lazy("Which service is it about?"),
            "service_name": gettext_lazy("The service's name"),
            "details": gettext_lazy("What should we know?"),
        }
        help_texts = {
            "details": gettext_lazy(
                "Do not include your name or anything about yourself or anyone else."
            ),
            "service_name": gettext_lazy("For a service we do not list."),
        }
        widgets = {"kind": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = Service.published_objects.only("name", "slug")
        self.fields["service"].empty_label = _("Choose a service")
        self.fields["service_name"].required = False

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == SuggestionKind.CORRECTION:
            if not cleaned.get("service"):
                self.add_error("service", _("Choose the service the correction is about."))
            else:
                cleaned["service_name"] = cleaned["service"].name
        elif cleaned.get("kind") == SuggestionKind.NEW_SERVICE and not cleaned.get("service_name"):
            self.add_error("service_name", _("Give the service's name."))
        return cleaned

    @property
    def is_from_a_bot(self) -> bool:
        return bool(self.cleaned_data.get("website"))
