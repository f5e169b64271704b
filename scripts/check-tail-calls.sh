#!/usr/bin/env bash
# Checks that an optimized build dispatches by tail calls only: no handler of the interpreter
# (a WasmCore function named execute*, or a merged body of such functions) calls another one with
# `call`, which would grow the native stack on every instruction and overflow it in a long loop.
# Usage: scripts/check-tail-calls.sh [BINARY]   (default: .build/release/vudo; build it first)
set -euo pipefail
binary=${1:-.build/release/vudo}
objdump -d --no-show-raw-insn "$binary" | awk '
    /^[0-9a-f]+ <.*>:$/ { name = $2; inHandler = (name ~ /WasmCore/ && name ~ /execute/); next }
    inHandler && /[[:space:]]call[[:space:]]/ && /execute/ { print name " calls " $NF; bad++ }
    END { if (bad) { print bad " non-tail calls between handlers"; exit 1 } print "every handler dispatches by tail call" }
'
