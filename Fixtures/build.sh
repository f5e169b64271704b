#!/bin/sh
# Rebuilds every Fixtures/*.wasm from the .wat beside it (wabt's wat2wasm), then runs the build.sh
# of each subfolder that has one (their fixtures have their own recipes).
# --debug-names keeps function names in a `name` section, which the trap-backtrace tests read.
set -eu
cd "$(dirname "$0")"
for source in *.wat; do
    wat2wasm --debug-names "$source" -o "${source%.wat}.wasm"
    echo "built ${source%.wat}.wasm"
done
for script in */build.sh; do
    [ -f "$script" ] && sh "$script"
done
