#!/usr/bin/env bash
# Start-up time and peak memory of whole processes, side by side: every command runs in each of
# ROUNDS rounds (hyperfine, RUNS runs after 3 warm-ups), the commands' order rotating from round to
# round so that a shared machine's changing load falls on all of them; then GNU time's peak
# resident set over PEAKS runs each. Prints medians over all runs.
#
#   scripts/measure-startup.sh [-r ROUNDS] [-n RUNS] [-p PEAKS] COMMAND...
#   scripts/measure-startup.sh ".build/release/vudo run Benchmarks/empty.wasm --invoke run" \
#       "$(../shared/peers/wasmkit --path) run Benchmarks/empty.wasm run"
#
# Needs hyperfine, python3 and /usr/bin/time.
set -euo pipefail
rounds=5 runs=20 peaks=15
while getopts "r:n:p:" option; do
    case $option in
        r) rounds=$OPTARG ;;
        n) runs=$OPTARG ;;
        p) peaks=$OPTARG ;;
        *) exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || { echo "usage: $0 [-r ROUNDS] [-n RUNS] [-p PEAKS] COMMAND..." >&2; exit 2; }
commands=("$@")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

count=${#commands[@]}
for ((round = 0; round < rounds; round++)); do
    ordered=()
    for ((k = 0; k < count; k++)); do ordered+=("${commands[(round + k) % count]}"); done
    hyperfine -N -i --warmup 3 --runs "$runs" --style none --export-json "$work/round$round.json" "${ordered[@]}" \
        >/dev/null 2>&1
done
for ((k = 0; k < count; k++)); do
    for ((i = 0; i < peaks; i++)); do
        # shellcheck disable=SC2086 # each command is a command line
        /usr/bin/time -f %M -o "$work/peak$k" -a ${commands[k]} >/dev/null 2>&1 || true
    done
done

python3 - "$work" "${commands[@]}" <<'EOF'
import json, statistics, sys, glob
work, commands = sys.argv[1], sys.argv[2:]
times = {c: [] for c in commands}
for path in glob.glob(f"{work}/round*.json"):
    for result in json.load(open(path))["results"]:
        times[result["command"]] += result["times"]
for k, command in enumerate(commands):
    peaks = [int(line) for line in open(f"{work}/peak{k}") if line.strip().isdigit()]
    print(f"{statistics.median(times[command]) * 1000:7.2f} ms median ({len(times[command])} runs), "
          f"peak {statistics.median(peaks) / 1024:5.1f} MiB median ({min(peaks) / 1024:.1f}-{max(peaks) / 1024:.1f}): {command}")
EOF
