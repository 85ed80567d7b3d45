"""A static files finder for files from npm packages, limited to the files pages use."""

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder
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
        return found if find_all else next(iter(found), None)

    def list(self, ignore_patterns):
        for storage, name in self.files.values():
            yield name, storage
