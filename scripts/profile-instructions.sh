#!/usr/bin/env bash
# Which internal instructions, and which pairs of them in a row, a program runs most: what
# superinstructions are chosen by. Counts are exact, unlike timings on a shared machine. Builds the
# debug CLI (only its driver loop counts; see InstructionProfile.swift) and runs it with
# VUDO_PROFILE_INSTRUCTIONS; the report goes to standard error.
#
#   scripts/profile-instructions.sh [-n ROWS] VUDO-ARGUMENTS...
#   scripts/profile-instructions.sh -n 30 run ../shared/bench/coremark/coremark-wasi.wasm 0x0 0x0 0x66 20
#   scripts/profile-instructions.sh invoke Benchmarks/quicksort.wasm run
#
# A debug build runs a few hundred times slower than a release build: give it small inputs.
set -euo pipefail
rows=40
if [ "${1:-}" = "-n" ]; then
    rows=$2
    shift 2
fi
[ $# -gt 0 ] || { echo "usage: $0 [-n ROWS] VUDO-ARGUMENTS..." >&2; exit 2; }
cd "$(dirname "$0")/.."
swift build --product vudo >&2
VUDO_PROFILE_INSTRUCTIONS=$rows .build/debug/vudo "$@"
