#!/bin/sh
# Rebuilds every Fixtures/*.wasm from the .wat beside it with `vudo wat2wasm` (building vudo first,
# or using $VUDO), then runs the build.sh of each subfolder that has one (their fixtures have their
# own recipes). The output is byte for byte what wabt's wat2wasm wrote before.
# --debug-names keeps function names in a `name` section, which the trap-backtrace tests read.
set -eu
cd "$(dirname "$0")"
if [ -z "${VUDO:-}" ]; then
    (cd .. && swift build --product vudo >/dev/null)
    VUDO="$(cd .. && swift build --show-bin-path)/vudo"
fi
export VUDO
for source in *.wat; do
    "$VUDO" wat2wasm --debug-names "$source" -o "${source%.wat}.wasm"
    echo "built ${source%.wat}.wasm"
done
for script in */build.sh; do
    [ -f "$script" ] && sh "$script"
done
