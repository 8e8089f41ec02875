"""`send-desk bench`: performance figures against the design's budgets."""

from __future__ import annotations

import argparse
import importlib
import tempfile
from pathlib import Path

from send_desk.cli.common import CliError, add_json_flag, print_json


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("bench", help="run performance benchmarks and print the figures")
    p.add_argument("names", nargs="*", metavar="NAME", help="which benchmarks (default: all)")
    p.add_argument("--children", type=int, default=20_000, metavar="N")
    add_json_flag(p)
    p.set_defaults(handler=cmd_bench)


def cmd_bench(args: argparse.Namespace) -> int:
    from send_desk.bench import BENCHMARKS

    names = args.names or list(BENCHMARKS)
    unknown = sorted(set(names) - set(BENCHMARKS))
    if unknown:
        raise CliError(f"unknown benchmark {', '.join(unknown)} (known: {', '.join(BENCHMARKS)})")
    results = {}
    for name in names:
        module = importlib.import_module(BENCHMARKS[name])
        with tempfile.TemporaryDirectory(prefix=f"send-desk-bench-{name}-") as work:
            results[name] = module.run(args.children, Path(work))
        if not args.json:
            print(f"[{name}]")
            for key, value in results[name].items():
                print(f"  {key:28} {value}")
    if args.json:
        print_json(results)
    return 0
