"""The helplines are data admins keep (issue 15): each with the page it comes from and when it was
checked there, loaded all or nothing from fixtures/helplines.yaml, edited in admin with every edit
kept, and shown on every answer; a page that cannot read the database still shows the file's."""

from datetime import date
from unittest import mock

import pytest
import yaml
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import DatabaseError, IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from helplines.directory import (
    HELPLINES_FILE,
    current_directory,
    file_directory,
    forget_directory,
)
from helplines.loading import HelplinesError, load_helplines, read_helplines
from helplines.models import Helpline, Kind, Need
from tests.finder_forms import as_sent_by_the_page
from tests.html_checks import visible_text

pytestmark = pytest.mark.django_db


def test_the_file_gives_the_urgent_numbers_childline_and_a_route_for_every_need():
    directory = file_directory()

    assert [helpline.number for helpline in directory.urgent][:2] == ["999", "101"]
    assert [helpline.name for helpline in directory.under_18] == ["Childline"]
    assert [helpline.need for helpline in directory.mainstream] == list(Need)
    for helpline in (*directory.urgent, *directory.under_18, *directory.mainstream):
        helpline.full_clean(exclude=["slug"])
        assert helpline.source_url.startswith(("https://", "http://"))
        assert helpline.checked_on <= date(2026, 12, 5)


def test_the_database_holds_the_file_after_loading_and_loading_again_changes_nothing():
    assert Helpline.objects.count() == len(read_helplines(HELPLINES_FILE))

    report = load_helplines(HELPLINES_FILE)

    assert (report.created, report.updated, report.kept) == (0, 13, 0)
    assert Helpline.history.filter(slug="samaritans").count() == 2


def write(tmp_path, entries) -> str:
    path = tmp_path / "helplines.yaml"
    path.write_text(yaml.safe_dump({"helplines": entries}), encoding="utf-8")
    return str(path)


def entry(**changes) -> dict:
    base = {
        "slug": "a-line",
        "kind": "urgent",
        "name": "A line",
        "number": "0800 000 000",
        "hours": "24 hours",
        "for_what": "Anyone.",
        "source_title": "Its page",
        "source_url": "https://example.org/",
        "checked_on": date(2026, 12, 1),
    }
    return {**base, **changes}


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ([entry(), entry(slug="samaritans", number="call us")], "samaritans: number: Give the"),
        ([entry(kind="mainstream")], "a-line: need: Say what this mainstream service helps"),
        ([entry(need="housing")], "a-line: need: Only a mainstream service has a need"),
        ([entry(source_url="")], "a-line has no source_url"),
        ([entry(checked_on="last week")], "a-line's checked_on is not a date"),
        ([entry(), entry()], "a-line is given twice"),
        ([entry(colour="red")], "a-line has unknown fields: colour"),
        ([], "expected a list under 'helplines'"),
        ([entry(translations=["ro"])], "a-line's translations: expected languages"),
        ([entry(translations={"de": {"name": "Eine Linie"}})], "de is not one of ro, pl,"),
        ([entry(translations={"ro": {"colour": "roșu"}})], "a-line's ro translation: unknown"),
        ([entry(translations={"ar": {"name": ""}})], "a-line's ar translation: empty: name"),
        ([entry(translations={"pl": None})], "a-line's pl translation: expected name, hours"),
    ],
    ids=[
        "a number with letters",
        "a mainstream service with no need",
        "an urgent number with a need",
        "no source",
        "no date",
        "twice",
        "an unknown field",
        "nothing",
        "translations not by language",
        "a language the site does not have",
        "a word not kept in each language",
        "an empty translation",
        "a language with no words",
    ],
)
def test_a_bad_file_is_refused_whole_with_a_message_naming_what_is_wrong(
    tmp_path, entries, message
):
    before = list(Helpline.objects.values_list("slug", "number", "name"))

    with pytest.raises(HelplinesError, match=message.replace("(", r"\(")):
        load_helplines(write(tmp_path, entries))
    with pytest.raises(CommandError):
        call_command("load_helplines", write(tmp_path, entries))

    assert list(Helpline.objects.values_list("slug", "number", "name")) == before


def test_every_helpline_of_the_file_has_its_words_in_each_language_and_pages_show_them(client):
    for helpline in file_directory().urgent + file_directory().mainstream:
        for code in ("ro", "pl", "zh-hans", "vi", "sq", "ar"):
            with translation.override(code):
                assert helpline.words.name.language == code, (helpline.slug, code)
                assert helpline.words.for_what.language == code, (helpline.slug, code)
    emergency = Helpline.objects.get(slug="emergency")
    with translation.override("ar"):
        arabic = emergency.name
    assert arabic != emergency.name

    page = client.get("/ar/staying-safe/").content.decode()

    assert arabic in page
    # Words in the page's own language are not marked as English.
    assert f'<span lang="en-GB" dir="ltr">{arabic}' not in page


def test_a_helpline_with_no_words_in_a_language_shows_its_english_marked_so(client):
    Helpline.objects.filter(slug="emergency").update(name_ro=None)

    page = client.get("/ro/staying-safe/").content.decode()

    assert '<strong><span lang="en-GB" dir="ltr">Emergency services</span>' in page
    with translation.override("ro"):
        assert translation.gettext("(in English)") in page


def test_a_page_that_cannot_read_the_database_shows_the_file_s_numbers_in_its_language():
    with translation.override("pl"):
        names = [helpline.name for helpline in file_directory().urgent]
    english = [helpline.name for helpline in file_directory().urgent]

    assert names[0] == "Służby ratunkowe"
    assert english[0] == "Emergency services"


def test_a_helpline_confirmed_by_the_helpline_is_not_overwritten_by_the_file():
    Helpline.objects.filter(slug="samaritans").update(
        hours="Ask them", confirmed_on=date(2026, 12, 4)
    )

    report = load_helplines(HELPLINES_FILE)

    assert report.kept == 1
    assert Helpline.objects.get(slug="samaritans").hours == "Ask them"


def test_the_database_refuses_a_need_on_an_urgent_number():
    with pytest.raises(IntegrityError), transaction.atomic():
        Helpline.objects.filter(slug="samaritans").update(need=Need.HOUSING)


def test_the_form_refuses_a_mainstream_service_without_a_need():
    helpline = Helpline.objects.get(slug="breathing-space")
    helpline.need = ""
    with pytest.raises(ValidationError, match="Say what this mainstream service helps with"):
        helpline.full_clean()


def test_an_admin_edit_shows_on_the_next_answer_with_its_source(client):
    Helpline.objects.filter(slug="breathing-space").update(
        number="0800 11 22 33",
        source_title="Breathing Space, by phone",
        confirmed_on=date(2026, 12, 5),
    )
    answers = as_sent_by_the_page({"area": "S12000047", "needs": ["counselling"]})

    page = visible_text(client.post(reverse("finder"), answers).content.decode())

    assert "Breathing Space : 0800 11 22 33 ." in page.replace("\N{NO-BREAK SPACE}", " ")
    assert "Source: Breathing Space, by phone, checked" in page
    assert "confirmed by them on 5 December 2026" in page


def test_an_admin_can_edit_a_helpline_and_the_edit_is_kept_in_its_history(
    client, django_user_model
):
    client.force_login(
        django_user_model.objects.create_superuser("admin", "a@example.invalid", "pw")
    )
    helpline = Helpline.objects.get(slug="samaritans")
    url = reverse("admin:helplines_helpline_change", args=[helpline.pk])
    form = {
        **{field: getattr(helpline, field) for field in ("kind", "need", "order", "slug", "name")},
        "number": "116 123",
        "hours": "Free, every day",
        "for_what": helpline.for_what,
        "source_title": "Samaritans",
        "source_url": "https://www.samaritans.org/",
        "checked_on": "2026-12-05",
        "confirmed_on": "",
    }

    assert client.post(url, form).status_code == 302
    assert client.post(url, {**form, "number": "one one six"}).status_code == 200

    assert Helpline.objects.get(slug="samaritans").hours == "Free, every day"
    assert [record.hours for record in helpline.history.all()][:1] == ["Free, every day"]


def test_a_page_that_cannot_read_the_database_shows_the_file_s_numbers():
    with mock.patch.object(Helpline.objects, "all", side_effect=DatabaseError("down")):
        directory = current_directory()

    assert directory == file_directory()
    assert directory.urgent[0].number == "999"


def test_with_no_urgent_numbers_in_the_database_the_file_s_are_shown(client):
    Helpline.objects.filter(kind=Kind.URGENT).delete()

    page = client.get(reverse("staying-safe")).content.decode()

    assert 'href="tel:999"' in page


def test_a_search_asks_no_query_for_the_helplines_it_read_lately_and_a_save_is_seen_at_once(
    client, settings, django_assert_num_queries
):
    settings.HELPLINES_CHECK_SECONDS = 60
    forget_directory()
    first = current_directory()

    with django_assert_num_queries(0):
        assert current_directory() is first
    Helpline.objects.filter(slug="samaritans").get().save()  # an admin's save, through the model
    with django_assert_num_queries(1):
        assert current_directory() is not first
