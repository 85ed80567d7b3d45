"""What the migrations that add a model's words in each language (django-modeltranslation) run:
the English words move into their English field (summary into summary_en_gb), in the model's
rows and in its history's, so pages, the API and a version restored from history keep them."""

from collections.abc import Callable, Iterable

from django.db.models import F

from servicemap.languages import ENGLISH, localized_field


def english_words_kept(app: str, words: dict[str, Iterable[str]]) -> Callable:
    """A RunPython function: for each model named in ``words`` (by its lower-case name, with the
    fields it keeps in each language), copy each field into its English field, in its rows and
    its historical rows."""

    def copy(apps, schema_editor) -> None:
        for model_name, fields in words.items():
            for name in (model_name, f"historical{model_name}"):
                model = apps.get_model(app, name)
                model._base_manager.update(
                    **{localized_field(field, ENGLISH.code): F(field) for field in fields}
                )

    return copy
