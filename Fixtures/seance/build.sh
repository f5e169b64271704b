#!/bin/sh
# Rebuilds the Séance test Spirits (Tests/VudoTests/Seance) from their .wat sources with
# `vudo wat2wasm` ($VUDO, or vudo built from this package).
set -eu
cd "$(dirname "$0")"
if [ -z "${VUDO:-}" ]; then
    (cd ../.. && swift build --product vudo >/dev/null)
    VUDO="$(cd ../.. && swift build --show-bin-path)/vudo"
fi
for source in *.wat; do
    "$VUDO" wat2wasm "$source" -o "${source%.wat}.wasm"
    echo "built seance/${source%.wat}.wasm"
done
