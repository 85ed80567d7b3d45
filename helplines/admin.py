from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from helplines.models import HELPLINE_WORDS, Helpline
from servicemap.admin_languages import WordsInEachLanguageAdmin, other_languages_fieldsets


@admin.register(Helpline)
class HelplineAdmin(WordsInEachLanguageAdmin, SimpleHistoryAdmin):
    list_display = ("name", "number", "kind", "need", "checked_on", "confirmed_on", "order")
    list_filter = ("kind", "need")
    search_fields = ("name", "number", "for_what")
    ordering = ("kind", "order", "name")
    fieldsets = (
        (None, {"fields": ("kind", "need", "order", "slug")}),
        ("What people read", {"fields": ("name", "number", "hours", "for_what")}),
        (
            "Where it comes from",
            {"fields": ("source_title", "source_url", "checked_on", "confirmed_on")},
        ),
        *other_languages_fieldsets(*HELPLINE_WORDS),
    )
