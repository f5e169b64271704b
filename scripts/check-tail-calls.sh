#!/usr/bin/env bash
# Checks that an optimized build dispatches by tail calls only: no handler of the interpreter
# (a WasmCore function named execute*, or a merged body of such functions) calls another one with
# `call`, which would grow the native stack on every instruction and overflow it in a long loop.
# Usage: scripts/check-tail-calls.sh [BINARY]   (default: .build/release/vudo; build it first)
set -euo pipefail
binary=${1:-.build/release/vudo}
# The dispatch itself is an indirect jump through the next instruction's handler; an indirect
# `call` in a handler, or in `callHostFunction` (which dispatches after a host call), is the same
# defect (a cleanup after the dispatch, such as a release or a stack-protector check, prevents the
# tail call).
objdump -d --no-show-raw-insn "$binary" | awk '
    /^[0-9a-f]+ <.*>:$/ {
        name = $2
        inHandler = (name ~ /WasmCore/ && (name ~ /execute/ || name ~ /callHostFunction/))
        next
    }
    inHandler && /[[:space:]]call[[:space:]]/ && /execute/ { print name " calls " $NF; bad++ }
    inHandler && /[[:space:]]call[[:space:]]+\*/ { print name " dispatches by a call: " $0; bad++ }
    END { if (bad) { print bad " non-tail calls between handlers"; exit 1 } print "every handler dispatches by tail call" }
'
