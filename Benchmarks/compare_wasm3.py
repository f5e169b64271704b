#!/usr/bin/env python3
"""Times the Benchmarks/ workloads under wasm3 (pip install pywasm3), in process.

Each `run` takes about a second, so the Python call overhead (microseconds) does not matter.
With --vudo-json (the file `vudo-bench --json` writes), it also prints vudo's in-process run
time relative to wasm3's, workload by workload, and their geometric mean.

    python3 Benchmarks/compare_wasm3.py [--runs 5] [--filter NAME] [--vudo-json FILE]
"""
import argparse
import json
import math
import os
import statistics
import sys
import time

import wasm3

HERE = os.path.dirname(os.path.abspath(__file__))
STARTUP_WORKLOAD = "empty"  # measures loading, not running: left out of the mean, as vudo-bench does


def workloads():
    with open(os.path.join(HERE, "workloads.txt")) as manifest:
        for line in manifest:
            fields = line.split("#", 1)[0].split()
            if fields:
                name, file, export, kind, expected = fields
                yield name, file, export, kind, int(expected)


def time_workload(file, export, kind, expected, runs):
    with open(os.path.join(HERE, file), "rb") as f:
        module_bytes = f.read()
    environment = wasm3.Environment()
    runtime = environment.new_runtime(1024 * 1024)
    runtime.load(environment.parse_module(module_bytes))
    function = runtime.find_function(export)
    mask = (1 << (32 if kind == "i32" else 64)) - 1
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
        if result & mask != expected:
            sys.exit(f"wasm3: {file} returned {result & mask}, expected {expected}")
    return times


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--filter", default="")
    parser.add_argument("--vudo-json", help="results of `vudo-bench --json`, for ratios")
    options = parser.parse_args()
    vudo = {}
    if options.vudo_json:
        with open(options.vudo_json) as f:
            vudo = {w["name"]: w["inProcess"]["run"]["median"] for w in json.load(f)["workloads"]}

    ratios = []
    print(f"{'workload':<12} {'wasm3 ms':>10} {'min':>10} {'max':>10} {'vudo/wasm3':>11}")
    for name, file, export, kind, expected in workloads():
        if options.filter and options.filter not in name:
            continue
        try:
            times = time_workload(file, export, kind, expected, options.runs)
        except RuntimeError as error:
            # pywasm3 0.5.0 has no SIMD: a module with v128 in a signature does not load.
            print(f"{name:<12} {'not run:':>10} {error}", flush=True)
            continue
        median = statistics.median(times)
        ratio = ""
        if name in vudo and name != STARTUP_WORKLOAD:
            ratios.append(vudo[name] / median)
            ratio = f"{ratios[-1]:.2f}"
        print(f"{name:<12} {median * 1e3:10.1f} {min(times) * 1e3:10.1f} {max(times) * 1e3:10.1f} {ratio:>11}", flush=True)
    if ratios:
        mean = math.exp(sum(map(math.log, ratios)) / len(ratios))
        print(f"geometric mean vudo/wasm3 (without {STARTUP_WORKLOAD}): {mean:.2f}")


if __name__ == "__main__":
    main()
