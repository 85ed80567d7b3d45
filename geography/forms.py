from django import forms

from geography.places import MIN_SEARCH_LENGTH, search_key

PLACE_OR_POSTCODE_REQUIRED = "Enter a postcode, like EH6 5AB, or the name of a town or village."


class PlaceOrPostcodeForm(forms.Form):
    """What an admin typed to place a location on the map: a postcode or a place name."""

    text = forms.CharField(
        max_length=100,
        error_messages={
            "required": PLACE_OR_POSTCODE_REQUIRED,
            "max_length": "That is too long for a postcode or a place name.",
        },
    )

    def clean_text(self) -> str:
        text = self.cleaned_data["text"]
        if len(search_key(text)) < MIN_SEARCH_LENGTH:
            raise forms.ValidationError(PLACE_OR_POSTCODE_REQUIRED)
        return text
