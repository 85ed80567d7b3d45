"""The static files as production serves them: this project's own CSS and JavaScript stripped of
their comments and spare whitespace as they are collected, then hashed and compressed as before
(WhiteNoise's CompressedManifestStaticFilesStorage).

The sources keep their comments, which say why each rule is there; a phone downloads none of
them. On the finder that is about 3.5 KB of its first load (benchmarks/page_weight.py), which
keeps it under the 50 KB it may take before it is usable in every language. The packages' files
(node_modules) come minified already; Django's and the admin's are left as they are.
"""

from pathlib import Path

import rcssmin
import rjsmin
from django.conf import settings
from django.core.files.base import ContentFile
from whitenoise.storage import CompressedManifestStaticFilesStorage

MINIFIERS = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}


def minified(name: str, text: str) -> str:
    """A CSS or JavaScript file's text without its comments and spare whitespace."""
    return MINIFIERS[Path(name).suffix](text)


class MinifiedStaticFiles(CompressedManifestStaticFilesStorage):
    def post_process(self, paths, dry_run=False, **options):
        if not dry_run:
            paths = {name: self._minify_ours(name, source) for name, source in paths.items()}
        yield from super().post_process(paths, dry_run, **options)

    def _minify_ours(self, name: str, source: tuple) -> tuple:
        """The collected copy of one of the project's own files (STATICFILES_DIRS), minified in
        place, read from there by the hashing that follows; any other file as it came."""
        storage, _path = source
        ours = Path(getattr(storage, "location", "")) in map(Path, settings.STATICFILES_DIRS)
        if not ours or Path(name).suffix not in MINIFIERS:
            return source
        with self.open(name) as collected:
            text = collected.read().decode("utf-8")
        self.delete(name)
        self.save(name, ContentFile(minified(name, text).encode("utf-8")))
        return (self, name)
