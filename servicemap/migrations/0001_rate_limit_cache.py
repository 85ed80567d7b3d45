"""The database table that shares rate-limit counts between server processes without Redis.

settings.CACHES["rate-limits"] is a DatabaseCache when CACHE_URL is not set; `migrate` creating its
table means a deployment needs no extra step (createcachetable does nothing when it exists).
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


def drop_rate_limit_table(apps, schema_editor):
    schema_editor.execute("DROP TABLE IF EXISTS servicemap_rate_limits")


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_cache_tables, drop_rate_limit_table)]
