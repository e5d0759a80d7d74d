"""Reading article files from disk: format detection, gzip, front matter, size limits."""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import re
import stat
import zlib
from collections.abc import Iterable, Iterator
from typing import Any, Final

import yaml

from diplomareader.ingest.decode import decode_bytes
from diplomareader.model import InputError, InputKind, RawDocument

MAX_BYTES: Final = 20 * 1024 * 1024
"""Largest (decompressed) file accepted; no article is this long, and memory stays bounded."""

HTML_SUFFIXES: Final = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz")
TEXT_SUFFIXES: Final = (".txt", ".text", "")
MARKDOWN_SUFFIXES: Final = (".md", ".markdown")
KNOWN_SUFFIXES: Final = HTML_SUFFIXES + MARKDOWN_SUFFIXES + (".txt", ".text", ".gz")

_HTML_SNIFF: Final = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html\b|<head\b|<body\b)",
    re.IGNORECASE | re.DOTALL,
)
_FRONT_MATTER: Final = re.compile(
    r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)
_LOOSE_FIELD: Final = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$", re.M)


def iter_input_files(paths: Iterable[str]) -> Iterator[str]:
    """Yield the files named by ``paths``, walking folders recursively in sorted order.

    Hidden files and folders are skipped inside folders; a path that does not exist is
    yielded as given so that reading it reports the error.
    """
    for given in paths:
        if os.path.isdir(given):
            for root, dirs, files in os.walk(given):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield os.path.join(root, name)
        else:
            yield given


def file_hash(data: bytes) -> str:
    """SHA-256 hex digest of a file's bytes."""
    return hashlib.sha256(data).hexdigest()


def read_document(path: str, *, max_bytes: int = MAX_BYTES) -> RawDocument:
    """Read and decode one file; raise InputError with a one-line reason when it cannot be."""
    data = _read_bytes(path, max_bytes)
    digest = file_hash(data)
    lower = path.lower()
    if data[:2] == b"\x1f\x8b":
        data = _gunzip(data, max_bytes)
    elif lower.endswith(".gz"):
        # A mislabelled download (often an error page the server sent instead): say so.
        raise InputError("named .gz but not gzip-compressed")
    text, encoding = decode_bytes(data)
    kind = detect_kind(lower, text)
    front: dict[str, Any] = {}
    if kind == "markdown":
        front, text = split_front_matter(text)
    if kind == "html" and "\x00" in text:
        text = text.replace("\x00", "")
    return RawDocument(
        path=path,
        kind=kind,
        text=text,
        encoding=encoding,
        content_hash=digest,
        front_matter=front,
    )


def detect_kind(lower_path: str, text: str) -> InputKind:
    """Decide the format from the file name and, when that says little, from the content."""
    name = lower_path[:-3] if lower_path.endswith(".gz") else lower_path
    if name.endswith(MARKDOWN_SUFFIXES) or (
        not name.endswith(HTML_SUFFIXES) and _FRONT_MATTER.match(text)
    ):
        return "markdown"
    if name.endswith(HTML_SUFFIXES) or _HTML_SNIFF.match(text[:2000]):
        return "html"
    return "text"


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Split YAML front matter from a Markdown body; malformed YAML is read leniently."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    block, body = match.group(1), text[match.end() :]
    try:
        loaded = yaml.safe_load(block)
    except yaml.YAMLError:
        loaded = None
    if not isinstance(loaded, dict):
        loaded = {k: v.strip("'\"") for k, v in _LOOSE_FIELD.findall(block)}
    return {str(k).lower(): v for k, v in loaded.items()}, body


def _read_bytes(path: str, max_bytes: int) -> bytes:
    """Read a file's bytes with friendly errors for missing, unreadable or oversized files."""
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise InputError("is a directory")
        if not stat.S_ISREG(info.st_mode):
            # A FIFO or a device would block the read or never end.
            raise InputError("not a regular file")
        size = info.st_size
        if size > max_bytes:
            raise InputError(
                f"file too large ({size / 1048576:.1f} MB; the limit is "
                f"{max_bytes / 1048576:.0f} MB)"
            )
        with open(path, "rb") as handle:
            return handle.read(max_bytes + 1)
    except FileNotFoundError as error:
        raise InputError("no such file") from error
    except PermissionError as error:
        raise InputError("permission denied") from error
    except IsADirectoryError as error:
        raise InputError("is a directory") from error
    except OSError as error:
        raise InputError(f"cannot read file: {error.strerror or error}") from error


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompress gzip data, refusing corrupt streams and decompression bombs.

    Files are recognised as gzip by their magic bytes; a ``.gz`` name on bytes that are not
    gzip is an error (see ``read_document``).
    """
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as error:
        raise InputError(f"corrupt gzip data: {error}") from error
    if len(out) > max_bytes:
        raise InputError(f"decompressed file too large (over {max_bytes / 1048576:.0f} MB)")
    return out
