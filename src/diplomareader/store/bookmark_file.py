"""The bookmarks file on disk: YAML text <-> bookmarks and tombstones, corrupt-file backups.

The format is described in ``diplomareader.store.bookmarks``. Reading never loses the user's
data: a file that does not parse, or holds entries that do not make sense, is copied to
``<name>.corrupt-<UTC time>`` beside it before anything else happens.
"""

from __future__ import annotations

import datetime as dt
import shutil
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


_Dumper.add_representer(str, _str_representer)


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
    data["tags"] = list(bookmark.tags)
    return data


def dump_state(state: FileState, name: str = "bookmarks.yaml") -> str:
    """The YAML text of ``state`` (bookmarks in creation order, newest tombstones kept)."""
    ordered = sorted(state.bookmarks.values(), key=lambda b: (parse_time(b.created), b.id))
    tombs = sorted(state.deleted.items(), key=lambda kv: parse_time(kv[1]))[-MAX_TOMBSTONES:]
    doc = {
        "version": FORMAT_VERSION,
        "bookmarks": [_entry_to_dict(b) for b in ordered],
        "deleted": dict(tombs),
    }
    body = yaml.dump(doc, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    return HEADER.format(version=FORMAT_VERSION, name=name) + str(body)


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
    return state, problems


def backup_corrupt(path: Path, data: bytes) -> Path:
    """Copy the bytes of a broken file to ``<name>.corrupt-<time>`` (reusing an identical one)."""
    for existing in sorted(path.parent.glob(f"{path.name}.corrupt-*")):
        try:
            if existing.read_bytes() == data:
                return existing
        except OSError:
            continue
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    backup = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while backup.exists():
        counter += 1
        backup = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    try:
        shutil.copyfile(path, backup)
        if backup.read_bytes() != data:  # the file changed under us: keep what we read
            backup.write_bytes(data)
    except OSError as error:
        raise StoreError(describe_os_error("back up the broken file", path, error)) from None
    return backup


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


def read_state(path: Path) -> ReadResult:
    """Read the bookmarks file; a broken one is backed up and reported, never raised.

    Raises StoreError only when the file exists but cannot be read at all (permissions), so
    the caller does not overwrite a file it could not see.
    """
    try:
        data = path.read_bytes()
        info = path.stat()
    except FileNotFoundError:
        return ReadResult(FileState())
    except OSError as error:
        raise StoreError(describe_os_error("read", path, error)) from None
    key = (info.st_mtime_ns, info.st_size)
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
        )
    if not problems:
        return ReadResult(state, None, None, key)
    backup = backup_corrupt(path, data)
    shown = "; ".join(problems[:3]) + ("; ..." if len(problems) > 3 else "")
    return ReadResult(
        state,
        f"bookmarks file {path}: skipped {len(problems)} broken entr"
        f"{'y' if len(problems) == 1 else 'ies'} ({shown}); kept a copy as {backup.name}",
        backup,
        key,
    )
