"""Run the benchmarks: `make bench` or `make bench ONLY=name`.

Each module `bench/bench_*.py` defines `run() -> dict[str, dict]` returning measures as
``{"name": {"value": float, "unit": str, "baseline": float | None, "ratio": float | None}}``.
This runner prints one line per measure and writes them all to `bench/results.json`.
`ONLY` selects modules by name (`bench_matching` or `matching`) or single measure names.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent


def _modules(only: set[str]) -> list[str]:
    names = sorted(p.stem for p in BENCH_DIR.glob("bench_*.py"))
    if not only:
        return names
    chosen = [n for n in names if n in only or n.removeprefix("bench_") in only]
    return chosen or names  # measure names: run all modules, filter the output


def _fmt(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.4g}"


def main() -> int:
    only = {part for part in os.environ.get("ONLY", "").replace(",", " ").split() if part}
    results: dict[str, dict] = {}
    out_path = BENCH_DIR / "results.json"
    if out_path.exists():
        try:
            results = json.loads(out_path.read_text())
        except ValueError:
            results = {}
    failed = False
    for name in _modules(only):
        started = time.perf_counter()
        try:
            module = importlib.import_module(f"bench.{name}")
            measures = module.run()
        except Exception as exc:  # report and go on with the other benchmarks
            print(f"{name}: FAILED: {exc!r}", file=sys.stderr)
            failed = True
            continue
        for measure, data in measures.items():
            module_chosen = name in only or name.removeprefix("bench_") in only
            if only and not module_chosen and measure not in only:
                continue
            results[measure] = data
            print(
                f"{measure:32s} {_fmt(data.get('value')):>10s} {data.get('unit', ''):6s}"
                f" baseline {_fmt(data.get('baseline')):>10s} ratio {_fmt(data.get('ratio')):>8s}"
                + (f"  ({data['note']})" if data.get("note") else "")
            )
        print(f"# {name} took {time.perf_counter() - started:.1f} s", file=sys.stderr)
    out_path.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
