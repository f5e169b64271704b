#!/bin/sh
# Rebuilds every Fixtures/spirits/*.wasm from the .wat beside it with `vudo wat2wasm` ($VUDO, or
# vudo built from this package).
# --debug-names keeps function and parameter names, which `vudo codegen` uses for Swift labels.
# dol_abi.wat, a Spirit importing all 22 functions of the DOL compiler's ABI, is built here too:
# `vudo run Fixtures/spirits/dol_abi.wasm` runs its _start.
set -eu
cd "$(dirname "$0")"
if [ -z "${VUDO:-}" ]; then
    (cd ../.. && swift build --product vudo >/dev/null)
    VUDO="$(cd ../.. && swift build --show-bin-path)/vudo"
fi
for source in *.wat; do
    "$VUDO" wat2wasm --debug-names "$source" -o "${source%.wat}.wasm"
    echo "built ${source%.wat}.wasm"
done
