"""Bad input through the real command line: ``parse --json`` and ``ingest`` on a folder of
broken, binary, empty, re-encoded, oversized and multilingual files.

Expected everywhere: one clear line per unreadable file, the other files processed, exit
status 1 when any failed, no traceback, text in every script kept intact and searchable.
"""

from __future__ import annotations

import json
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

pytest.importorskip("diplomareader.cli.run", reason="the command line needs `run` (not landed yet)")

from diplomareader.ingest.reader import MAX_BYTES  # noqa: E402
from tests.robustness.badfiles import (  # noqa: E402
    SEARCH_WORDS,
    Case,
    error_names,
    fifo,
    ok_names,
    write_cases,
)
from tests.robustness.support import (  # noqa: E402
    Run,
    cli,
    no_traceback,
    record_figures,
    search_total,
)

pytestmark = pytest.mark.xdist_group("robust-bad-input")
"""One worker runs this module, so its module-scoped fixtures are built once."""

REQUIRED_KEYS = {
    "path",
    "title",
    "date",
    "source",
    "author",
    "url",
    "body",
    "quotes",
    "entities",
}
"""The keys of a parsed article in ``parse --json`` (issue 2)."""


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Case]]:
    """A folder holding every case of the matrix."""
    folder = tmp_path_factory.mktemp("bad") / "inputs"
    return folder, write_cases(folder)


@pytest.fixture(scope="module")
def parsed(bad_folder: tuple[Path, list[Case]]) -> Run:
    """``parse --json`` on the folder and on a path that does not exist."""
    folder, _ = bad_folder
    return cli("parse", "--json", str(folder), str(folder.parent / "missing.txt"))


@pytest.fixture(scope="module")
def ingested(bad_folder: tuple[Path, list[Case]]) -> tuple[Run, Path]:
    """``ingest`` of the folder and a missing path into a new index."""
    folder, _ = bad_folder
    index = folder.parent / "index"
    run = cli("ingest", str(folder), str(folder.parent / "missing.txt"), "--index", str(index))
    return run, index


def test_parse_json_one_record_per_path_in_order(
    bad_folder: tuple[Path, list[Case]], parsed: Run
) -> None:
    """Every file (hidden ones skipped) and the missing path get one record, in order."""
    folder, cases = bad_folder
    no_traceback(parsed)
    assert parsed.returncode == 1, parsed.describe()
    records = parsed.records()
    expected = [str(folder / c.name) for c in cases] + [str(folder.parent / "missing.txt")]
    assert [r["path"] for r in records] == expected, parsed.describe()
    by_name = {Path(r["path"]).name: r for r in records}
    for name in [*error_names(cases), "missing.txt"]:
        record = by_name[name]
        assert set(record) == {"path", "error"}, record
        assert record["error"] and "\n" not in record["error"], record
    for case in cases:
        if case.expect == "error":
            assert case.error_hint in by_name[case.name]["error"].lower(), by_name[case.name]
    for name in ok_names(cases):
        record = by_name[name]
        assert "error" not in record and set(record) >= REQUIRED_KEYS, (name, record.get("error"))
        assert record["title"].strip(), name
    errors = [line for line in parsed.stderr.splitlines() if line.strip()]
    assert len(errors) == len(error_names(cases)) + 1, parsed.stderr
    assert all(line.startswith("diplomareader: ") for line in errors), parsed.stderr
    record_figures(
        "bad_input_parse",
        inputs=len(records),
        errors_reported=len(errors),
        articles_parsed=len(ok_names(cases)),
        peak_rss_mb=round(parsed.peak_rss_mb),
    )


def test_parse_keeps_text_in_every_script(bad_folder: tuple[Path, list[Case]], parsed: Run) -> None:
    """Russian, Kazakh, Arabic, Chinese, cp1251, latin-1 and UTF-16 text comes out intact;
    offsets of quotes and mentions index the body."""
    _, cases = bad_folder
    by_name = {Path(r["path"]).name: r for r in parsed.records()}
    for case in cases:
        if case.expect != "ok":
            continue
        body = by_name[case.name]["body"]
        for word in case.words:
            assert word in body, (case.name, word, body[:300])
        for paragraph in case.exact_paragraphs:
            assert paragraph in body, (case.name, paragraph, body[:600])
        assert "\x00" not in body and "\ufffd" not in body, case.name
        for quote in by_name[case.name]["quotes"]:
            assert body[quote["start"] : quote["end"]] == quote["text"], (case.name, quote)
        for entity in by_name[case.name]["entities"]:
            for mention in entity["mentions"]:
                assert body[mention["start"] : mention["end"]] == mention["text"], case.name


def test_parse_each_bad_file_alone(bad_folder: tuple[Path, list[Case]]) -> None:
    """Each unreadable file on its own: exit status 1, exactly one JSON line with the error."""
    folder, cases = bad_folder
    names = error_names(cases)
    with ThreadPoolExecutor(4) as pool:
        runs = list(pool.map(lambda n: cli("parse", "--json", str(folder / n)), names))
    for run in runs:
        no_traceback(run)
        assert run.returncode == 1, run.describe()
        lines = run.stdout.splitlines()
        assert len(lines) == 1 and set(json.loads(lines[0])) == {"path", "error"}, run.describe()
        assert len(run.stderr.strip().splitlines()) == 1, run.describe()
    good = cli("parse", "--json", *(str(folder / n) for n in ok_names(cases)))
    no_traceback(good)
    assert good.returncode == 0, good.describe()


def test_ingest_reports_each_bad_file_and_indexes_the_rest(
    bad_folder: tuple[Path, list[Case]], ingested: tuple[Run, Path]
) -> None:
    """One terminal line per unreadable file (naming it), the others indexed, exit 1."""
    folder, cases = bad_folder
    run, index = ingested
    no_traceback(run)
    assert run.returncode == 1, run.describe()
    lines = [line for line in run.stderr.splitlines() if line.startswith("diplomareader: ")]
    bad = [*error_names(cases), "missing.txt"]
    for name in bad:
        naming = [line for line in lines if f"{name}:" in line]
        assert len(naming) == 1, (name, run.stderr)
    assert len(lines) == len(bad), run.stderr
    good = ok_names(cases)
    assert f"{len(good)} indexed ({len(good)} new" in run.stderr, run.stderr
    assert f"{len(bad)} failed" in run.stderr, run.stderr
    from diplomareader.search import Library

    with Library(index) as library:
        assert library.count() == len(good)
        titles = {a.path for a in library.list_articles()}
    assert {Path(p).name for p in titles} == set(good)
    record_figures(
        "bad_input_ingest",
        inputs=len(cases) + 1,
        errors_reported=len(lines),
        articles_indexed=len(good),
        articles_lost=0,
        peak_rss_mb=round(run.peak_rss_mb),
    )


def test_ingested_text_in_every_script_is_searchable(ingested: tuple[Run, Path]) -> None:
    """Words of the Russian, Kazakh, Arabic, Chinese and re-encoded files find their article."""
    _, index = ingested
    for name, words in SEARCH_WORDS.items():
        for word in words:
            found = _hit_names(index, word)
            assert name in found, (name, word, found)


def _hit_names(index: Path, query: str) -> set[str]:
    """File names of the articles a query finds."""
    from diplomareader.search import Library

    with Library(index) as library:
        result = library.search(query, limit=50)
        assert not result.errors, result.errors
        return {Path(h.article.path).name for h in result.hits}


def test_second_ingest_still_reports_the_bad_files(
    bad_folder: tuple[Path, list[Case]], ingested: tuple[Run, Path]
) -> None:
    """Unchanged bad files are reported again (not silently forgotten), nothing re-indexed."""
    folder, cases = bad_folder
    _, index = ingested
    run = cli("ingest", str(folder), "--index", str(index))
    no_traceback(run)
    assert run.returncode == 1, run.describe()
    assert "0 indexed" in run.stderr and f"{len(ok_names(cases))} unchanged" in run.stderr
    for name in error_names(cases):
        assert f"{name}:" in run.stderr, (name, run.stderr)


def test_fifo_and_special_files_do_not_hang(tmp_path: Path) -> None:
    """A named pipe, a dangling link and a link loop among the inputs: errors, no hang."""
    folder = tmp_path / "special"
    folder.mkdir()
    (folder / "good.txt").write_text(
        "Statement\n\nThe talks on the grain corridor resumed in Istanbul on Monday.\n"
    )
    if fifo(folder) is None:
        pytest.skip("no named pipes here")
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    run = cli("parse", "--json", str(folder), timeout=60)
    no_traceback(run)
    assert run.returncode == 1, run.describe()
    by_name = {Path(r["path"]).name: r for r in run.records()}
    assert set(by_name) == {"good.txt", "pipe.txt", "dangling.txt", "loop.txt"}
    assert "body" in by_name["good.txt"]
    assert all("error" in by_name[n] for n in ("pipe.txt", "dangling.txt", "loop.txt"))
    ingest = cli("ingest", str(folder), "--index", str(tmp_path / "index"), timeout=60)
    no_traceback(ingest)
    assert ingest.returncode == 1 and "1 indexed" in ingest.stderr, ingest.describe()
    assert search_total(tmp_path / "index", "Istanbul") == 1


def _big_text(path: Path, size: int, *, one_line: bool = False) -> None:
    """A plain-text file of about ``size`` bytes of varied English prose."""
    text = (
        "the minister said talks on grain exports would resume in Geneva next week after "
        "the summit between Kazakhstan and Russia on security cooperation and transit routes"
    )
    words = text.split(" ")
    sep = " " if one_line else "\n\n"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("A very large file\n\n")
        n = 0
        while handle.tell() < size:
            sentence = " ".join(words[(n * 7 + i) % len(words)] for i in range(60))
            handle.write(f"{sentence.capitalize()} (part {n}).{sep}")
            n += 1


MEMORY_LIMIT_MB = 450
"""Peak resident memory allowed to one command on the largest files ("a few hundred MB")."""


def test_fifty_megabyte_file_bounded_memory(tmp_path: Path) -> None:
    """A 50 MB text file: a clear one-line refusal (over the size limit), memory bounded."""
    big = tmp_path / "huge.txt"
    _big_text(big, 50 * 1024 * 1024)
    parse = cli("parse", "--json", str(big))
    no_traceback(parse)
    assert parse.returncode == 1, parse.describe()
    (record,) = parse.records()
    assert set(record) == {"path", "error"} and "too large" in record["error"], record
    assert parse.peak_rss_mb < MEMORY_LIMIT_MB, parse.describe()
    ingest = cli("ingest", str(big), "--index", str(tmp_path / "index"))
    no_traceback(ingest)
    assert ingest.returncode == 1 and "too large" in ingest.stderr, ingest.describe()
    assert ingest.peak_rss_mb < MEMORY_LIMIT_MB, ingest.describe()
    record_figures(
        "bad_input_50mb",
        file_mb=50,
        parse_peak_rss_mb=round(parse.peak_rss_mb),
        ingest_peak_rss_mb=round(ingest.peak_rss_mb),
    )


def test_largest_accepted_file_bounded_memory(tmp_path: Path) -> None:
    """A text file just under the size limit (one long line): parsed and indexed whole, in
    bounded memory; its last words are searchable."""
    big = tmp_path / "large.txt"
    _big_text(big, MAX_BYTES - 512 * 1024, one_line=True)
    parse = cli("parse", "--json", str(big))
    no_traceback(parse)
    assert parse.returncode == 0, parse.describe()
    (record,) = parse.records()
    assert len(record["body"]) > MAX_BYTES * 0.9, len(record["body"])
    last_part = record["body"].rsplit("(part ", 1)[1].split(")")[0]
    assert parse.peak_rss_mb < MEMORY_LIMIT_MB, parse.describe()
    index = tmp_path / "index"
    ingest = cli("ingest", str(big), "--index", str(index))
    no_traceback(ingest)
    assert ingest.returncode == 0, ingest.describe()
    assert ingest.peak_rss_mb < MEMORY_LIMIT_MB, ingest.describe()
    assert search_total(index, f'"part {last_part}"') == 1
    record_figures(
        "bad_input_largest_accepted",
        file_mb=round(big.stat().st_size / 1048576, 1),
        parse_peak_rss_mb=round(parse.peak_rss_mb),
        parse_seconds=round(parse.seconds, 1),
        ingest_peak_rss_mb=round(ingest.peak_rss_mb),
        ingest_seconds=round(ingest.seconds, 1),
    )


def test_odd_file_names(tmp_path: Path) -> None:
    """File names with bytes that are not UTF-8 and with a newline, under a strict UTF-8
    locale: no traceback, errors on one line each, JSON paths name the real files, and
    ``search`` prints the hits."""
    folder = os.fsencode(tmp_path / "names")
    os.mkdir(folder)
    text = b"Statement\n\nThe talks resumed in Geneva on Monday, the ministry said.\n"
    for name, data in (
        (b"caf\xe9-latin1.txt", text),
        (b"new\nline.txt", text),
        (b"empty\xfe.txt", b""),
        (b"empty\nline.txt", b""),
    ):
        with open(os.path.join(folder, name), "wb") as handle:
            handle.write(data)
    env = dict(os.environ, PYTHONIOENCODING="utf-8:strict", LC_ALL="C.UTF-8")
    run = cli("parse", "--json", os.fsdecode(folder), env=env)
    no_traceback(run)
    assert run.returncode == 1, run.describe()
    records = run.records()
    assert len(records) == 4 and all(os.path.exists(r["path"]) for r in records)
    assert sum("error" in r for r in records) == 2
    assert len(run.stderr.strip().splitlines()) == 2, run.stderr
    index = tmp_path / "index"
    ingest = cli("ingest", os.fsdecode(folder), "--index", str(index), env=env)
    no_traceback(ingest)
    errors = [line for line in ingest.stderr.splitlines() if line.startswith("diplomareader:")]
    assert ingest.returncode == 1 and len(errors) == 2, ingest.describe()
    search = cli("search", "Geneva", "--index", str(index), env=env)
    no_traceback(search)
    assert search.returncode == 0 and search.stdout.count("Geneva") >= 2, search.describe()


def test_reader_command_on_bad_paths(tmp_path: Path) -> None:
    """``diplomareader run`` on a missing corpus folder, on a file given as the corpus and
    on an index folder holding someone else's files (and ``ingest`` into that folder): one
    line each, exit 1, no traceback, nothing written among the other files."""
    other = tmp_path / "not-an-index"
    other.mkdir()
    (other / "notes.txt").write_text("someone else's file")
    article = tmp_path / "article.txt"
    article.write_text("Statement\n\nThe talks resumed in Geneva on Monday.\n")
    cases = {
        "missing corpus": ("--corpus", str(tmp_path / "missing"), "--index", str(tmp_path / "i1")),
        "file as corpus": ("--corpus", str(article), "--index", str(tmp_path / "i2")),
        "foreign index": ("--corpus", str(tmp_path), "--index", str(other)),
    }
    for name, args in cases.items():
        run = cli("run", *args, timeout=60)
        no_traceback(run)
        assert run.returncode == 1, (name, run.describe())
        lines = run.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("diplomareader: "), (name, run.stderr)
    ingest = cli("ingest", str(article), "--index", str(other), timeout=60)
    no_traceback(ingest)
    assert ingest.returncode == 1 and len(ingest.stderr.strip().splitlines()) == 1, ingest.stderr
    assert sorted(p.name for p in other.iterdir()) == ["notes.txt"]
