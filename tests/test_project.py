import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command

# Settings a test run sets for itself (the browser tests allow Django's async-unsafe calls), which
# a real deployment's environment would not have.
NOT_A_DEPLOYMENT = {"SECRET_KEY", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def manage(*args: str, **environment: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in NOT_A_DEPLOYMENT}
    env.update(environment)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_refuse_placeholders():
    result = manage("check", "--deploy", "--fail-level", "ERROR")

    assert result.returncode != 0
    assert "servicemap.E001" in result.stderr
    assert "servicemap.E002" in result.stderr


def test_production_settings_need_only_a_key_and_hosts_to_pass_the_deployment_check():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="x" * 64 + "-a-long-random-value-for-this-test-only",
        ALLOWED_HOSTS="finder.example.org",
    )

    assert result.returncode == 0, result.stderr
    # The one silenced is django-ratelimit's cache warning (see settings, SILENCED_SYSTEM_CHECKS).
    assert result.stdout.strip() == "System check identified no issues (1 silenced).", (
        result.stdout + result.stderr
    )


def test_serving_without_a_secret_key_is_refused():
    result = subprocess.run(
        [sys.executable, "-c", "import servicemap.wsgi"],
        cwd=settings.BASE_DIR,
        env={key: value for key, value in os.environ.items() if key not in NOT_A_DEPLOYMENT},
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_a_server_process_starts_light_and_leaves_what_start_up_made_out_of_the_gcs_passes():
    # Set where serving starts, not in a module a test or a command imports. The boundary
    # import's geopandas, pandas and pyproj (about 60 MB) are for the import command only.
    started = (
        "import gc, sys, servicemap.wsgi; "
        "print(sorted({'geopandas', 'pandas', 'pyproj'} & set(sys.modules)), "
        "gc.get_threshold()[0], gc.get_freeze_count())"
    )
    result = subprocess.run(
        [sys.executable, "-c", started],
        cwd=settings.BASE_DIR,
        env={**os.environ, "SECRET_KEY": "a-key-only-for-this-test", "DEBUG": "0"},
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    loaded, threshold, frozen = result.stdout.strip().splitlines()[-1].rsplit(" ", 2)
    assert loaded == "[]"
    assert int(threshold) == 10_000
    assert int(frozen) > 10_000


@pytest.mark.parametrize(
    ("url", "engine"),
    [
        ("sqlite:////tmp/finder.sqlite3", "django.db.backends.sqlite3"),
        ("postgres://finder@db.example.org:5432/finder", "servicemap.postgresql"),
    ],
)
def test_database_url_chooses_the_database(url, engine):
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])",
        DATABASE_URL=url,
    )

    assert result.stdout.strip().splitlines()[-1] == engine


def test_models_and_migrations_agree(db):
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
