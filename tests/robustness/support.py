"""Helpers of the robustness tests: the real command line in a subprocess (with its peak
memory), generated articles, and the figures each test reports.

Nothing here stands in for a part of diplomareader: commands run the installed package
(``python -m diplomareader``) on real files and real index folders.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
"""The repository's top folder."""
FIGURES = ROOT / "bench-out" / "robustness"
"""Where each test writes its figures (inputs, faults injected, articles/bookmarks lost)."""


@dataclass
class Run:
    """A finished command: exit status, output, wall time and peak memory."""

    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_rss_mb: float
    """Largest resident set of the process (and the children it waited for), in MB."""

    def records(self) -> list[dict[str, Any]]:
        """The JSON Lines of stdout (``parse --json``)."""
        return [json.loads(line) for line in self.stdout.splitlines() if line.strip()]

    def describe(self) -> str:
        """A short account for assertion messages."""
        return (
            f"diplomareader {' '.join(self.args)} -> exit {self.returncode} "
            f"({self.seconds:.1f} s, {self.peak_rss_mb:.0f} MB)\n"
            f"stderr: {self.stderr[-3000:]}"
        )


def command(*args: str) -> list[str]:
    """The argv that runs ``diplomareader ARGS`` with this interpreter."""
    return [sys.executable, "-m", "diplomareader", *args]


def cli(
    *args: str,
    timeout: float = 300.0,
    preexec_fn: Callable[[], None] | None = None,
    env: dict[str, str] | None = None,
    user: int | None = None,
) -> Run:
    """Run ``diplomareader ARGS`` to the end; measure its own peak RSS with ``wait4``."""
    out_path = _scratch("out")
    err_path = _scratch("err")
    started = time.monotonic()
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        proc = subprocess.Popen(
            command(*args),
            stdout=out,
            stderr=err,
            stdin=subprocess.DEVNULL,
            cwd=ROOT,
            env=env,
            preexec_fn=preexec_fn,
            user=user,
        )
        rusage = _wait(proc, timeout)
    seconds = time.monotonic() - started
    stdout = out_path.read_text(encoding="utf-8", errors="replace")
    stderr = err_path.read_text(encoding="utf-8", errors="replace")
    out_path.unlink()
    err_path.unlink()
    assert proc.returncode is not None
    return Run(tuple(args), proc.returncode, stdout, stderr, seconds, rusage.ru_maxrss / 1024)


def _wait(proc: subprocess.Popen[bytes], timeout: float) -> Any:
    """Wait for ``proc`` (killing it after ``timeout``) and return its resource usage."""
    deadline = time.monotonic() + timeout
    while True:
        pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
        if pid == proc.pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            return rusage
        if time.monotonic() > deadline:
            proc.kill()
            _, status, rusage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
            raise AssertionError(f"timed out after {timeout:.0f} s: {proc.args}")
        time.sleep(0.02)


def _scratch(kind: str) -> Path:
    """A fresh temporary file for captured output (safe from several threads)."""
    import tempfile

    fd, name = tempfile.mkstemp(prefix="diplomareader-robust-", suffix=f".{kind}")
    os.close(fd)
    return Path(name)


def no_traceback(run: Run) -> None:
    """Assert that neither stream shows a Python traceback."""
    for name, text in (("stderr", run.stderr), ("stdout", run.stdout)):
        assert "Traceback" not in text, f"traceback on {name}:\n{run.describe()}"


def record_figures(name: str, **figures: Any) -> dict[str, Any]:
    """Write a test's figures to ``bench-out/robustness/<name>.json`` and return them."""
    FIGURES.mkdir(parents=True, exist_ok=True)
    data = {"test": name, **figures}
    (FIGURES / f"{name}.json").write_text(json.dumps(data, indent=1, ensure_ascii=False))
    return data


# -- generated articles ------------------------------------------------------------------

PEOPLE = (
    ("Sergey Lavrov", "Russian Foreign Minister", "Moscow"),
    ("Kassym-Jomart Tokayev", "President of Kazakhstan", "Astana"),
    ("Antonio Guterres", "UN Secretary-General", "New York"),
    ("Wang Yi", "Chinese Foreign Minister", "Beijing"),
    ("Annalena Baerbock", "German Foreign Minister", "Berlin"),
    ("Hakan Fidan", "Turkish Foreign Minister", "Ankara"),
)
TOPICS = (
    "grain exports across the Black Sea",
    "the security of nuclear power plants",
    "a ceasefire along the line of contact",
    "transit routes through the Caspian Sea",
    "sanctions on dual-use goods",
    "the exchange of prisoners of war",
    "water sharing on transboundary rivers",
    "the reform of the Security Council",
)


def article_text(number: int, *, paragraphs: int = 6, seed: int = 0) -> str:
    """A plain-text article like a scraped page: title, date line, quoted statements.

    Every article carries the marker word ``artno<number>`` so that a search finds exactly it.
    """
    rng = random.Random(seed * 100_003 + number)
    name, role, city = PEOPLE[number % len(PEOPLE)]
    topic = TOPICS[number % len(TOPICS)]
    surname = name.split()[-1]
    day = 1 + number % 28
    lines = [
        f"{surname} discusses {topic} (report artno{number})",
        f"{city}, 2023-{1 + number % 12:02d}-{day:02d}",
        "",
        f"{role} {name} said on Tuesday that talks on {topic} would continue, "
        f"according to a statement published in {city} (artno{number}).",
    ]
    for n in range(paragraphs):
        other = PEOPLE[(number + n + 1) % len(PEOPLE)][0]
        lines += [
            "",
            f"\u201cWe are ready to discuss {topic} with all partners,\u201d {surname} said, "
            f"adding that {other} had been informed of the proposal number {rng.randint(1, 999)}.",
        ]
        lines += [
            "",
            f"Observers in {city} noted that the positions on {topic} had moved little since "
            f"the previous round, and that a further meeting was planned for "
            f"{rng.choice(['spring', 'summer', 'autumn', 'winter'])}.",
        ]
    return "\n".join(lines) + "\n"


def write_articles(folder: Path, count: int, *, start: int = 0, paragraphs: int = 6) -> list[Path]:
    """Write ``count`` generated articles (``article-<n>.txt``) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(start, start + count):
        path = folder / f"article-{number:04d}.txt"
        path.write_text(article_text(number, paragraphs=paragraphs), encoding="utf-8")
        paths.append(path)
    return paths


def index_leftovers(index: Path) -> list[str]:
    """Temporary files a writer left in the index folder (none after a clean finish)."""
    names = os.listdir(index) if index.is_dir() else []
    return sorted(n for n in names if n.endswith(".tmp") or ".toc." in n or n.endswith(".seg~"))


def words_of(text: str) -> list[str]:
    """Whitespace-separated words of ``text``, without surrounding punctuation."""
    return [w.strip(".,:;!?«»“”\"'()") for w in text.split() if w.strip(".,:;!?«»“”\"'()")]


def search_total(index: Path, query: str) -> int:
    """Hits of ``query`` in the index (opened read-only for the call)."""
    from diplomareader.search import Library

    with Library(index) as library:
        result = library.search(query, limit=1)
        assert not result.errors, (query, result.errors)
        return result.total


def all_present(index: Path, numbers: Sequence[int]) -> list[int]:
    """The article numbers of ``numbers`` whose marker word the index does not find."""
    from diplomareader.search import Library

    missing = []
    with Library(index) as library:
        for number in numbers:
            if library.search(f"artno{number}", limit=1).total != 1:
                missing.append(number)
    return missing
