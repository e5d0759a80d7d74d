"""The bookmarks file on disk: YAML text <-> bookmarks and tombstones, corrupt-file backups.

The format is described in ``diplomareader.store.bookmarks``. Reading never loses the user's
data: a file that does not parse, or holds entries that do not make sense, is copied to
``<name>.corrupt-<UTC time>`` beside it before anything else happens.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Final

import yaml

from diplomareader.store.atomic import StoreError, describe_os_error
from diplomareader.store.bookmark_types import Bookmark, normalize_tags, parse_time

FORMAT_VERSION: Final = 1
MAX_TOMBSTONES: Final = 5000
"""Deletions remembered (newest kept) so a stale process cannot bring a bookmark back."""
HEADER: Final = (
    "# diplomareader bookmarks (format {version}). You may edit this file by hand; keep it\n"
    "# valid YAML. A file that does not parse is kept as {name}.corrupt-<time> and the\n"
    "# reader starts without it. 'deleted' lists removed bookmarks so that other open\n"
    "# readers do not bring them back.\n"
)
FIELD_ORDER: Final = (
    *("id", "title", "source", "date", "author", "url", "speaker", "text", "note", "tags"),
    *("created", "modified", "article_id", "article_path", "start", "end", "prefix", "suffix"),
    "article_hash",
)
REQUIRED: Final = ("id", "article_id", "title", "text", "start", "end")
_INT_FIELDS: Final = ("start", "end")
_FIELD_NAMES: Final = frozenset(f.name for f in fields(Bookmark))

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BaseDumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_BaseDumper):  # type: ignore[misc]
    """SafeDumper that writes multi-line strings as ``|`` blocks (readable passages)."""


def _str_representer(dumper: Any, value: str) -> Any:
    """Block style for multi-line text, the default otherwise."""
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


class _Context(str):
    """Prefix/suffix text: written double-quoted, so its line breaks show as ``\\n``."""


def _context_representer(dumper: Any, value: _Context) -> Any:
    """Double-quoted style for short context strings."""
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style='"')


class _Flow(list[str]):
    """A short list written on one line (``tags: [un, ukraine]``)."""


def _flow_representer(dumper: Any, value: _Flow) -> Any:
    """Flow style for tag lists."""
    return dumper.represent_sequence("tag:yaml.org,2002:seq", list(value), flow_style=True)


_Dumper.add_representer(str, _str_representer)
_Dumper.add_representer(_Flow, _flow_representer)
_Dumper.add_representer(_Context, _context_representer)


class CorruptFile(Exception):
    """The file is not a bookmarks file at all (YAML error, wrong shape, not UTF-8)."""


@dataclass
class FileState:
    """Everything the file holds: live bookmarks by id and tombstones (id -> deletion time)."""

    bookmarks: dict[str, Bookmark] = field(default_factory=dict)
    deleted: dict[str, str] = field(default_factory=dict)


def _entry_to_dict(bookmark: Bookmark) -> dict[str, Any]:
    """One bookmark as an ordered mapping for YAML."""
    data = {name: getattr(bookmark, name) for name in FIELD_ORDER}
    data["tags"] = _Flow(bookmark.tags)
    data["prefix"] = _Context(bookmark.prefix)
    data["suffix"] = _Context(bookmark.suffix)
    return data


DumpCache = dict[str, tuple[Bookmark, str]]
"""Bookmark id -> (bookmark, its YAML text): unchanged entries are not dumped again."""


def _entry_yaml(bookmark: Bookmark, cache: DumpCache | None) -> str:
    """The YAML list item of one bookmark (from the cache when it has not changed)."""
    if cache is not None:
        hit = cache.get(bookmark.id)
        if hit is not None and (hit[0] is bookmark or hit[0] == bookmark):
            return hit[1]
    text = str(
        yaml.dump(
            [_entry_to_dict(bookmark)],
            Dumper=_Dumper,
            sort_keys=False,
            allow_unicode=True,
            width=100,
        )
    )
    if cache is not None:
        cache[bookmark.id] = (bookmark, text)
    return text


def dump_state(
    state: FileState, name: str = "bookmarks.yaml", cache: DumpCache | None = None
) -> str:
    """The YAML text of ``state`` (bookmarks in creation order, newest tombstones kept)."""
    ordered = sorted(state.bookmarks.values(), key=lambda b: (parse_time(b.created), b.id))
    tombs = sorted(state.deleted.items(), key=lambda kv: parse_time(kv[1]))[-MAX_TOMBSTONES:]
    if cache is not None:
        for stale in cache.keys() - state.bookmarks.keys():
            del cache[stale]
    parts = [HEADER.format(version=FORMAT_VERSION, name=name), f"version: {FORMAT_VERSION}\n"]
    parts.append("bookmarks:\n" if ordered else "bookmarks: []\n")
    parts += [_entry_yaml(b, cache) for b in ordered]
    parts.append(
        str(yaml.dump({"deleted": dict(tombs)}, Dumper=_Dumper, sort_keys=False, width=100))
    )
    return "".join(parts)


def digest(data: bytes) -> str:
    """Fingerprint of the file's bytes, to skip parsing a file we wrote or read ourselves."""
    return hashlib.sha1(data).hexdigest()


def _scalar_text(value: Any) -> str | None:
    """A YAML scalar as text (dates and times the YAML parser converted become ISO again)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
        return aware.isoformat().replace("+00:00", "Z")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _entry_from_dict(raw: Any) -> Bookmark:
    """One YAML entry as a Bookmark; raises ValueError saying what is wrong with it."""
    if not isinstance(raw, dict):
        raise ValueError("not a mapping")
    missing = [name for name in REQUIRED if raw.get(name) in (None, "")]
    if missing:
        raise ValueError(f"missing {', '.join(missing)}")
    values: dict[str, Any] = {}
    for name in _FIELD_NAMES & raw.keys():
        value = raw[name]
        if name in _INT_FIELDS:
            if type(value) is not int or value < 0:
                raise ValueError(f"{name} is not a whole number")
        elif name == "tags":
            value = normalize_tags([str(t) for t in value] if isinstance(value, list) else [])
        else:
            value = _scalar_text(value)
        values[name] = value
    if values["end"] < values["start"]:
        raise ValueError("end is before start")
    for name in ("prefix", "suffix", "article_hash", "note", "article_path"):
        values[name] = values.get(name) or ""
    return Bookmark(**values)


def parse_state(text: str) -> tuple[FileState, list[str]]:
    """The state in ``text`` and a list of problems with single entries.

    Raises CorruptFile when the text is not a bookmarks file at all.
    """
    try:
        doc = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise CorruptFile(f"not valid YAML{where}") from None
    if doc is None:
        return FileState(), []
    if isinstance(doc, list):  # a bare list of bookmarks, e.g. written by hand
        doc = {"bookmarks": doc}
    if not isinstance(doc, dict) or not isinstance(doc.get("bookmarks") or [], list):
        raise CorruptFile("not a bookmarks file (expected a 'bookmarks:' list)")
    state = FileState()
    problems: list[str] = []
    for number, raw in enumerate(doc.get("bookmarks") or [], 1):
        try:
            bookmark = _entry_from_dict(raw)
        except (ValueError, TypeError) as error:
            problems.append(f"entry {number}: {error}")
            continue
        old = state.bookmarks.get(bookmark.id)
        if old is None or parse_time(bookmark.modified) > parse_time(old.modified):
            state.bookmarks[bookmark.id] = bookmark
    deleted = doc.get("deleted") or {}
    if isinstance(deleted, dict):
        state.deleted = {str(k): _scalar_text(v) or "" for k, v in deleted.items()}
    else:
        problems.append("'deleted' is not a mapping")
    problems.extend(_unkept(doc))
    return state, problems


def _unkept(doc: dict[Any, Any]) -> list[str]:
    """What the next save would drop: a newer format, fields this version does not know
    (written by a newer version or by hand). Reported so that the file is backed up first."""
    notes = []
    version = doc.get("version", FORMAT_VERSION)
    if not isinstance(version, int) or version > FORMAT_VERSION:
        notes.append(f"format {version} is newer than this version's {FORMAT_VERSION}")
    unknown = {str(k) for k in doc if k not in ("version", "bookmarks", "deleted")}
    for raw in doc.get("bookmarks") or []:
        if isinstance(raw, dict):
            unknown.update(str(k) for k in raw if k not in _FIELD_NAMES)
    if unknown:
        notes.append(f"fields this version does not keep: {', '.join(sorted(unknown)[:5])}")
    return notes


def backup_corrupt(path: Path, data: bytes) -> Path:
    """Save the bytes of a broken file as ``<name>.corrupt-<time>`` (reusing an identical one);
    an existing backup is never overwritten."""
    for existing in sorted(path.parent.glob(f"{path.name}.corrupt-*")):
        try:
            if existing.read_bytes() == data:
                return existing
        except OSError:
            continue
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    for counter in range(1, 1000):
        suffix = f"-{counter}" if counter > 1 else ""
        backup = path.with_name(f"{path.name}.corrupt-{stamp}{suffix}")
        try:
            with open(backup, "xb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            return backup
        except FileExistsError:
            continue
        except OSError as error:
            raise StoreError(describe_os_error("back up the broken file", path, error)) from None
    raise StoreError(f"cannot back up the broken file {path}: too many backups")


@dataclass(frozen=True)
class ReadResult:
    """A file read from disk: its state, and a warning plus backup path when it was broken."""

    state: FileState
    warning: str | None = None
    backup: Path | None = None
    stat_key: tuple[int, int] | None = None
    """``(mtime_ns, size)`` of the file read, to notice later changes by other processes."""
    broken: bool = False
    """True when nothing could be read from the file (the state is empty for that reason)."""
    digest: str | None = None
    """``digest`` of the bytes read (None: no file)."""
    unchanged: bool = False
    """True when the bytes were the ones the caller already knew (``state`` left empty)."""


def read_state(path: Path, known_digest: str | None = None) -> ReadResult:
    """Read the bookmarks file; a broken one is backed up and reported, never raised.

    When the file's bytes have ``known_digest`` nothing is parsed (``unchanged`` is set).
    Raises StoreError only when the file exists but cannot be read at all (permissions), so
    the caller does not overwrite a file it could not see.
    """
    try:
        with open(path, "rb") as handle:
            data = handle.read()
            info = os.fstat(handle.fileno())
    except FileNotFoundError:
        return ReadResult(FileState())
    except OSError as error:
        raise StoreError(describe_os_error("read", path, error)) from None
    key = (info.st_mtime_ns, info.st_size)
    fingerprint = digest(data)
    if fingerprint == known_digest:
        return ReadResult(FileState(), stat_key=key, digest=fingerprint, unchanged=True)
    try:
        state, problems = parse_state(data.decode("utf-8"))
    except (UnicodeDecodeError, CorruptFile) as error:
        reason = "not UTF-8 text" if isinstance(error, UnicodeDecodeError) else str(error)
        backup = backup_corrupt(path, data)
        return ReadResult(
            FileState(),
            f"bookmarks file {path} is broken ({reason}); kept a copy as {backup.name} "
            "and started with no bookmarks",
            backup,
            key,
            broken=True,
            digest=fingerprint,
        )
    if not problems:
        return ReadResult(state, None, None, key, digest=fingerprint)
    backup = backup_corrupt(path, data)
    broken = [p for p in problems if p.startswith("entry ")]
    parts = [p for p in problems if not p.startswith("entry ")]
    if broken:
        shown = "; ".join(broken[:3]) + ("; ..." if len(broken) > 3 else "")
        entries = f"entr{'y' if len(broken) == 1 else 'ies'}"
        parts.insert(0, f"skipped {len(broken)} broken {entries} ({shown})")
    return ReadResult(
        state,
        f"bookmarks file {path}: {'; '.join(parts)}; kept a copy as {backup.name}",
        backup,
        key,
        digest=fingerprint,
    )
