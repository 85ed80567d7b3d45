"""Migration 0012 turns the free-text languages into facts: no word of the old text is lost.
Migration 0013 keeps a service's English words in their English field (summary_en_gb), in its
history too, as its words in each language arrive."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from services.models import Interpreters, Service

BEFORE = [("services", "0011_opening_times_and_how_people_get_to_it")]
AFTER = [("services", "0012_service_working_languages_and_interpreters")]
OLD_WORDS = "Interpreters available; one worker speaks Polish"


def migrate(targets):
    """The database migrated to ``targets``, and the models as they were there."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


# Transactional, as migrations change the schema; the reference data is kept for the next test.
@pytest.mark.usefixtures("reference_data_committed")
def test_the_old_free_text_is_kept_word_for_word_as_the_languages_note_in_history_too():
    try:
        old = migrate(BEFORE)
        old_service = old.get_model("services", "Service")
        old_history = old.get_model("services", "HistoricalService")
        organisation = old.get_model("services", "Organisation")._default_manager.create(
            name="Harbour Trust", description="A small charity."
        )
        old.get_model("services", "Offer")._default_manager.get_or_create(code="counselling")
        facts = {
            "organisation_id": organisation.pk,
            "name": "Harbour Light",
            "slug": "harbour-light",
            "summary": "Peer support.",
            "primary_offer_id": "counselling",
            "languages": OLD_WORDS,
        }
        service = old_service._default_manager.create(**facts)
        old_service._default_manager.create(**{**facts, "slug": "quiet", "languages": ""})
        now = timezone.now()
        old_history._default_manager.create(
            **facts,
            id=service.pk,
            created_at=now,
            updated_at=now,
            history_date=now,
            history_type="+",
        )

        migrate(AFTER)
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    kept = Service.all_objects.get(slug="harbour-light")
    assert kept.languages_note == OLD_WORDS
    # Not read into facts: nobody recorded where the words came from.
    assert (kept.working_languages, kept.interpreters) == ([], Interpreters.NOT_KNOWN)
    assert Service.all_objects.get(slug="quiet").languages_note == ""
    assert kept.history.get().languages_note == OLD_WORDS
    # Migration 0013: the words in English, where pages and a restored version read them.
    assert (kept.summary_en_gb, kept.history.get().summary_en_gb) == ("Peer support.",) * 2
    assert kept.history.get().summary_ro is None
