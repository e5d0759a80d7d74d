"""Run every ``benchmarks/bench_*.py`` in turn (``make bench``); each prints its own figures.

Each benchmark script accepts ``--shared DIR`` and writes its JSON to ``bench-out/``.
Pass ``--only NAME`` to run a single benchmark (e.g. ``--only search``).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    """Run the benchmarks and return non-zero if any of them failed."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    parser.add_argument("--only", action="append", default=[])
    args = parser.parse_args()
    out = HERE.parent / "bench-out"
    out.mkdir(exist_ok=True)
    failed = []
    for script in sorted(HERE.glob("bench_*.py")):
        name = script.stem.removeprefix("bench_")
        if args.only and name not in args.only:
            continue
        print(f"\n=== {name} ===", flush=True)
        started = time.perf_counter()
        code = subprocess.call(
            [sys.executable, str(script), "--shared", args.shared, "--out-dir", str(out)]
        )
        print(f"=== {name}: exit {code} in {time.perf_counter() - started:.0f} s ===", flush=True)
        if code:
            failed.append(name)
    if failed:
        print("failed:", ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
