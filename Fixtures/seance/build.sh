#!/bin/sh
# Rebuilds the Séance test Spirits (Tests/VudoTests/Seance) from their .wat sources.
set -eu
cd "$(dirname "$0")"
for source in *.wat; do
    wat2wasm "$source" -o "${source%.wat}.wasm"
    echo "built seance/${source%.wat}.wasm"
done
