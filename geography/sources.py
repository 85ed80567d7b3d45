"""Where an import reads from: a local file or an http(s) URL, handled alike by every importer.

A URL is downloaded to a temporary folder first (with the project's outbound timeout and a size
limit), so the readers only ever see a local file.
"""

import tempfile
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

MAX_DOWNLOAD_BYTES = 1024 * 1024 * 1024

# Called as progress(done, total, what) on long imports; the commands print it to stderr.
Progress = Callable[[int, int, str], None]


class SourceError(Exception):
    """A source that cannot be fetched; the message is one line naming it."""


@contextmanager
def local_copy(source: str) -> Iterator[Path]:
    """The source as a local file; a download is deleted when the block ends."""
    if is_url(source):
        with tempfile.TemporaryDirectory() as folder:
            yield _download(source, Path(folder))
        return
    if not Path(source).exists():
        raise SourceError(f"cannot read {source}: no such file")
    yield Path(source)


def _download(url: str, folder: Path) -> Path:
    # Readers such as pyogrio choose a driver by the file's suffix, so keep the URL's.
    suffix = Path(urllib.parse.urlparse(url).path).suffix or ".json"
    target = folder / f"download{suffix}"
    # Only http(s) URLs reach here (is_url); file: and other schemes are read as paths or refused.
    request = urllib.request.Request(url, headers={"User-Agent": "servicemap-data-import"})  # noqa: S310
    try:
        with (
            urllib.request.urlopen(request, timeout=settings.OUTBOUND_TIMEOUT_SECONDS) as response,  # noqa: S310
            target.open("wb") as output,
        ):
            received = 0
            while chunk := response.read(1024 * 1024):
                received += len(chunk)
                if received > MAX_DOWNLOAD_BYTES:
                    raise SourceError(f"cannot read {url}: larger than 1 GB")
                output.write(chunk)
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise SourceError(f"cannot read {url}: {one_line(error)}") from error
    return target


def is_url(source: str) -> bool:
    return urllib.parse.urlparse(source).scheme in {"http", "https"}


def source_label(source: str) -> str:
    """A URL as given; a local file by name only, so no machine's folders end up in the data."""
    return source if is_url(source) else Path(source).name


def one_line(error: BaseException) -> str:
    return " ".join(str(error).split())
