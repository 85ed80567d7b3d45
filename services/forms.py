"""The finder's question form: every question optional, "prefer not to say" always allowed."""

from django import forms

from geography.models import CouncilArea, Country
from services.eligibility import Gender, PersonInvolvement
from services.models import MAX_AGE, OfferCode

PREFER_NOT_TO_SAY = ("", "Prefer not to say")
YES_NO = [("yes", "Yes"), ("no", "No"), PREFER_NOT_TO_SAY]


class TriStateField(forms.TypedChoiceField):
    """Yes / No / Prefer not to say, as True / False / None."""

    def __init__(self, **kwargs):
        super().__init__(
            choices=YES_NO,
            coerce=lambda value: value == "yes",
            empty_value=None,
            required=False,
            widget=forms.RadioSelect,
            **kwargs,
        )


class FinderForm(forms.Form):
    area = forms.ModelChoiceField(
        label="Council area",
        queryset=CouncilArea.objects.none(),
        required=False,
        empty_label="Choose a council area",
        to_field_name="code",
    )
    lon = forms.FloatField(required=False, min_value=-180, max_value=180, widget=forms.HiddenInput)
    lat = forms.FloatField(required=False, min_value=-90, max_value=90, widget=forms.HiddenInput)
    age = forms.IntegerField(
        label="Age", required=False, min_value=0, max_value=MAX_AGE, help_text="In years."
    )
    gender = forms.TypedChoiceField(
        label="Gender",
        choices=[*Gender.choices, PREFER_NOT_TO_SAY],
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
    )
    trans = TriStateField(label="Are you trans?")
    involvement = forms.TypedChoiceField(
        label="Do you sell or exchange sex now?",
        choices=[*PersonInvolvement.choices, PREFER_NOT_TO_SAY],
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
    )
    trafficked = TriStateField(label="Have you been trafficked or exploited?")
    needs = forms.MultipleChoiceField(
        label="What kind of help are you looking for?",
        choices=OfferCode.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave empty to see every kind.",
    )
    remote_only = forms.BooleanField(
        label="Only show support I can get online or by phone", required=False
    )
    include_not_eligible = forms.BooleanField(
        label="Also show services that are not for me, and why", required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = CouncilArea.objects.without_geometry().filter(
            country=Country.SCOTLAND
        )

    def clean(self):
        cleaned = super().clean()
        if (cleaned.get("lon") is None) != (cleaned.get("lat") is None):
            raise forms.ValidationError("The point on the map was incomplete: choose it again.")
        return cleaned
