#!/usr/bin/env bash
# Checks that an optimized build dispatches by tail calls only: no handler of the interpreter
# (`vudo_execute_*`, a WasmCore function named execute*, or a merged body of such functions) calls
# another one, or a host-call entry point, with `call`, which would grow the native stack on every
# instruction (or host call) and overflow it in a long loop.
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
        inHandler = (name ~ /vudo_execute_/ || (name ~ /WasmCore/ && (name ~ /execute/ || name ~ /callHostFunction/)))
        next
    }
    # A handler may call helpers that return (a host call, a trap), but not anything that goes on
    # to dispatch: another handler, or the host-call entry points, which dispatch the instruction
    # after the call themselves.
    inHandler && /[[:space:]]call[[:space:]]/ && (/execute/ || /allHostFunction/) { print name " calls " $NF; bad++ }
    inHandler && /[[:space:]]call[[:space:]]+\*/ { print name " dispatches by a call: " $0; bad++ }
    END { if (bad) { print bad " non-tail calls between handlers"; exit 1 } print "every handler dispatches by tail call" }
'
