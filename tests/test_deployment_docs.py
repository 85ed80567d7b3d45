"""docs/deploy.md, the Dockerfile and compose.yaml stay true to the code they describe.

The people who run the site did not build it: a variable the settings start reading fails here
until the guide says what it does, and the container files may set only variables that something
reads. The image cannot be built on the team's machines, so what can be checked without Docker is
checked here: the paths it copies, its user, its command and its health check.
"""

import ast
import re
import shlex

import pytest
import yaml
from django.conf import settings
from django.core.management import get_commands
from django.db import connection
from django.test.utils import CaptureQueriesContext

ROOT = settings.BASE_DIR
GUIDE = ROOT / "docs" / "deploy.md"
DOCKERFILE = ROOT / "Dockerfile"
COMPOSE_FILE = ROOT / "compose.yaml"
DOCKERIGNORE = ROOT / ".dockerignore"

# Where the app reads its environment: the settings, and the helper that finds GDAL and GEOS.
SETTINGS_SOURCES = [ROOT / "servicemap" / "settings.py", ROOT / "servicemap" / "gis_libraries.py"]

# Variables the container files may set that the app does not read: gunicorn reads the first two
# itself, the postgres image the rest. The guide documents each.
GUNICORN_VARIABLES = {"WEB_CONCURRENCY", "GUNICORN_CMD_ARGS"}
POSTGRES_IMAGE_VARIABLES = {"POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD"}

# How settings read the environment: os.environ.get("X"), os.environ["X"], env_flag("X"),
# env_list("X"), and dj_database_url.config(), which reads DATABASE_URL unless told otherwise.
HELPERS_TAKING_A_NAME = {"env_flag", "env_list"}


def _is_os_environ(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "environ"
        and isinstance(node.value, ast.Name)
        and node.value.id == "os"
    )


def _first_string_argument(call: ast.Call) -> str | None:
    if call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str):
        return call.args[0].value
    return None


def variables_read_by(source: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Subscript) and _is_os_environ(node.value):
            if isinstance(node.slice, ast.Constant):
                names.add(node.slice.value)
        elif isinstance(node, ast.Call):
            function = node.func
            if isinstance(function, ast.Attribute) and function.attr == "get":
                if _is_os_environ(function.value):
                    names.add(_first_string_argument(node))
            elif isinstance(function, ast.Name) and function.id in HELPERS_TAKING_A_NAME:
                names.add(_first_string_argument(node))
            elif (
                isinstance(function, ast.Attribute)
                and function.attr == "config"
                and isinstance(function.value, ast.Name)
                and function.value.id == "dj_database_url"
            ):
                given = {keyword.arg: keyword.value for keyword in node.keywords}
                env = given.get("env")
                names.add(env.value if isinstance(env, ast.Constant) else "DATABASE_URL")
    # A helper's own body reads os.environ.get(name), with no literal name to find.
    names.discard(None)
    return names


def settings_variables() -> set[str]:
    names = set()
    for path in SETTINGS_SOURCES:
        names |= variables_read_by(path.read_text())
    return names


def documented_variables() -> set[str]:
    """Names in the first column of the guide's tables."""
    names = set()
    for line in GUIDE.read_text().splitlines():
        if line.startswith("| `"):
            first_cell = line.split("|")[1]
            names.update(re.findall(r"`([A-Z][A-Z0-9_]*)`", first_cell))
    return names


def compose_file() -> dict:
    return yaml.safe_load(COMPOSE_FILE.read_text())


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) for each instruction, continuation lines joined."""
    joined = re.sub(r"\\\n", " ", DOCKERFILE.read_text())
    instructions = []
    for line in joined.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, arguments = line.partition(" ")
            instructions.append((keyword.upper(), arguments.strip()))
    return instructions


def container_variables() -> list[tuple[str, str]]:
    """(where, name) for every variable the container files set."""
    found = []
    for service_name, service in compose_file()["services"].items():
        environment = service.get("environment", {})
        names = (
            [item.split("=", 1)[0] for item in environment]
            if isinstance(environment, list)
            else list(environment)
        )
        found += [(f"compose.yaml {service_name}", name) for name in names]
    for keyword, arguments in dockerfile_instructions():
        if keyword == "ENV":
            found += [("Dockerfile", item.split("=", 1)[0]) for item in shlex.split(arguments)]
    return found


def test_every_way_settings_read_the_environment_is_recognised():
    # Guards the tests below: a parser that found nothing would let every check pass.
    read = settings_variables()

    assert "SECRET_KEY" in read  # os.environ.get
    assert "CACHE_URL" in read  # os.environ[...]
    assert "DEBUG" in read  # env_flag
    assert "ALLOWED_HOSTS" in read  # env_list
    assert "DATABASE_URL" in read  # dj_database_url.config
    assert "GDAL_LIBRARY_PATH" in read  # gis_libraries.py
    assert "name" not in read


@pytest.mark.parametrize("name", sorted(settings_variables()))
def test_the_guide_describes_every_variable_the_settings_read(name):
    assert name in documented_variables(), f"docs/deploy.md has no table row for {name}"


@pytest.mark.parametrize(("where", "name"), container_variables())
def test_container_files_set_only_variables_something_reads(where, name):
    read_by_something = settings_variables() | GUNICORN_VARIABLES | POSTGRES_IMAGE_VARIABLES

    assert name in read_by_something, f"{where} sets {name}, which nothing reads"
    assert name in documented_variables(), f"{where} sets {name}, which docs/deploy.md omits"


def test_compose_gives_the_app_its_database_key_and_hosts():
    app_variables = {name for where, name in container_variables() if "web" in where}

    assert {"DATABASE_URL", "SECRET_KEY", "ALLOWED_HOSTS"} <= app_variables


def test_compose_keeps_postgres_15_data_in_a_named_volume():
    compose = compose_file()
    database = compose["services"]["db"]
    volume, _, mount_point = database["volumes"][0].partition(":")

    assert database["image"] == "postgres:15"
    assert mount_point == "/var/lib/postgresql/data"
    assert volume in compose["volumes"]


def test_every_path_the_dockerfile_copies_is_in_the_build_context():
    ignored = {
        line.strip()
        for line in DOCKERIGNORE.read_text().splitlines()
        if line.strip() and not line.startswith("#")
    }
    copied = []
    for keyword, arguments in dockerfile_instructions():
        if keyword == "COPY" and not arguments.startswith("--from="):
            copied += shlex.split(arguments)[:-1]

    assert copied
    for source in copied:
        assert (ROOT / source).exists(), f"the Dockerfile copies {source}, which does not exist"
        assert source not in ignored, f"the Dockerfile copies {source}, which .dockerignore drops"


@pytest.mark.parametrize(
    "kept_out", [".venv", "node_modules", "db.sqlite3", "staticfiles", ".git", "backups"]
)
def test_the_build_context_leaves_out_local_state(kept_out):
    assert kept_out in DOCKERIGNORE.read_text().splitlines()


def test_the_image_serves_with_gunicorn_as_a_user_other_than_root():
    instructions = dict(dockerfile_instructions())
    command = instructions["CMD"]

    assert instructions["USER"].split(":")[0] not in {"root", "0"}
    assert '"gunicorn", "servicemap.wsgi"' in command
    assert '"gunicorn.conf.py"' in command
    assert instructions["FROM"].startswith("python:3.11-slim")


def health_check_path() -> str:
    health_check = dict(dockerfile_instructions())["HEALTHCHECK"]
    return re.search(r"'GET', '([^']+)'", health_check).group(1)


def test_the_guide_and_the_image_probe_the_same_health_url():
    assert health_check_path() in GUIDE.read_text()


@pytest.mark.django_db
def test_the_health_url_answers_from_the_database(client):
    # A probe that never touched the database would call a site whose database is gone healthy.
    with CaptureQueriesContext(connection) as queries:
        response = client.get(health_check_path())

    assert response.status_code == 200
    assert len(response.json()["results"]) == 1
    assert len(queries) > 0


def test_every_management_command_the_guide_names_exists():
    guide = GUIDE.read_text()
    named = set(re.findall(r"manage\.py (\w+)", guide))
    named |= set(re.findall(r"docker compose run --rm manage (\w+)", guide))

    assert {"migrate", "collectstatic", "createsuperuser", "import_boundaries"} <= named
    assert named - set(get_commands()) == set()


def heading_anchors(markdown: str) -> set[str]:
    """GitHub's anchors: headings lower-cased, punctuation dropped, spaces made hyphens."""
    headings = re.findall(r"^#+ (.+)$", markdown, flags=re.MULTILINE)
    return {re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-") for heading in headings}


def test_every_link_in_the_guide_leads_to_a_heading_that_exists():
    guide = GUIDE.read_text()
    targets = {
        "": heading_anchors(guide),
        "../README.md": heading_anchors((ROOT / "README.md").read_text()),
    }
    links = re.findall(r"\]\(((?:\.\./README\.md)?)#([^)]+)\)", guide)

    assert len(links) > 10
    for document, anchor in links:
        assert anchor in targets[document], f"docs/deploy.md links to {document}#{anchor}"


# nginx variables that would write down who visited or what they asked for: these, and every
# request header ($http_…) and query argument ($arg_…).
REVEALING_NGINX_VARIABLES = {
    "$request",
    "$request_uri",
    "$args",
    "$query_string",
    "$request_body",
    "$remote_addr",
    "$binary_remote_addr",
    "$proxy_add_x_forwarded_for",
    # A search's answer is a different size for a few areas.
    "$body_bytes_sent",
    "$bytes_sent",
}
REVEALING_NGINX_PREFIXES = ("$http_", "$arg_")


def nginx_example() -> str:
    return re.search(r"```nginx\n(.*?)```", GUIDE.read_text(), flags=re.DOTALL).group(1)


def test_the_nginx_example_logs_neither_addresses_nor_what_was_asked():
    example = nginx_example()
    formats = re.findall(r"log_format \w+ '([^;]*)';", example)
    access_logs = re.findall(r"access_log ([^;]+);", example)

    assert formats
    for log_format in formats:
        variables = re.findall(r"\$\w+", log_format)
        assert "$uri" in variables
        for variable in variables:
            assert variable not in REVEALING_NGINX_VARIABLES, f"the nginx example logs {variable}"
            assert not variable.startswith(REVEALING_NGINX_PREFIXES), variable
    assert access_logs
    for access_log in access_logs:
        assert access_log == "off" or access_log.endswith(" servicefinder"), access_log


def test_the_nginx_example_tells_the_app_it_was_reached_over_https():
    example = nginx_example()

    assert "proxy_set_header X-Forwarded-Proto $scheme;" in example
    assert "proxy_set_header Host $host;" in example
    assert "proxy_pass http://127.0.0.1:8000;" in example
