"""Static files finders that collect only the files pages use: those named from npm packages,
and the apps' own less the apps whose files no page loads."""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles.finders import AppDirectoriesFinder, BaseFinder
from django.core.checks import Error
from django.core.files.storage import FileSystemStorage


class PackageFilesFinder(BaseFinder):
    """Serves the files named in ``PACKAGE_STATIC_FILES`` from ``node_modules``, and no others.

    A prefix in ``STATICFILES_DIRS`` would publish a whole package folder (sources, maps, unused
    builds); naming the files keeps collectstatic's output to what pages load.
    """

    def __init__(self):
        self.files: dict[str, tuple[FileSystemStorage, str]] = {}
        for prefix, (folder, names) in settings.PACKAGE_STATIC_FILES.items():
            storage = FileSystemStorage(location=folder)
            storage.prefix = prefix
            for name in names:
                self.files[f"{prefix}/{name}"] = (storage, name)

    def check(self, **kwargs) -> list[Error]:
        return [
            Error(
                f"{storage.path(name)} is missing.",
                hint="Install the front-end packages: `make install` (which runs `npm ci`).",
                id="servicemap.E003",
            )
            for storage, name in self.files.values()
            if not Path(storage.path(name)).is_file()
        ]

    def find(self, path: str, find_all: bool = False, **kwargs):
        match = self.files.get(path)
        found = [match[0].path(match[1])] if match else []
        # Like Django's own finders, an empty list for nothing found: finders.find() takes a
        # None as a match.
        return found if find_all or not found else found[0]

    def list(self, ignore_patterns):
        for storage, name in self.files.values():
            yield name, storage


# Django REST framework's static files are its browsable API's (Bootstrap 3, jQuery, fonts): the
# API answers JSON only, so no page loads them, and old libraries are better not served at all.
APPS_WITH_UNUSED_STATIC_FILES = {"rest_framework"}


class UsedAppDirectoriesFinder(AppDirectoriesFinder):
    def __init__(self, app_names=None, *args, **kwargs):
        used = [
            config.name
            for config in apps.get_app_configs()
            if config.name not in APPS_WITH_UNUSED_STATIC_FILES
            and (app_names is None or config.name in app_names)
        ]
        super().__init__(used, *args, **kwargs)
