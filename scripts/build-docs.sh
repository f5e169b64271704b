#!/usr/bin/env bash
# Builds the documentation of the library products (WasmCore, Vudo, VudoWASI, VudoCodegen) with the toolchain's own
# `docc` and no package plugin: the symbol graphs come from `swift-symbolgraph-extract` (what
# `swift package dump-symbol-graph` runs) over the modules `swift build` made, then
# `docc convert` joins them with the catalogs in Sources/<Module>/<Module>.docc.
#
#   scripts/build-docs.sh [OUTPUT_DIR]     archives in OUTPUT_DIR (default .build/docs)
#
# Any docc warning (a broken ``symbol`` link, a missing article) fails the script, so CI catches
# it. Preview one catalog with:
#   docc preview Sources/Vudo/Vudo.docc --additional-symbol-graph-dir .build/docs/symbols/Vudo
set -euo pipefail
cd "$(dirname "$0")/.."

output=${1:-.build/docs}
modules=(WasmCore Vudo VudoWASI VudoCodegen)

swift build --target Vudo >/dev/null
swift build --target VudoWASI >/dev/null
swift build --target VudoCodegen >/dev/null
bin=$(swift build --show-bin-path)
triple=$(swiftc -print-target-info | sed -n 's/^ *"triple": "\(.*\)",$/\1/p' | head -1)

rm -rf "$output"
warnings=0
for module in "${modules[@]}"; do
    symbols="$output/symbols/$module"
    mkdir -p "$symbols"
    swift-symbolgraph-extract -module-name "$module" -I "$bin/Modules" -target "$triple" \
        -minimum-access-level public -output-dir "$symbols"
    log="$output/$module.log"
    status=0
    docc convert "Sources/$module/$module.docc" --additional-symbol-graph-dir "$symbols" \
        --output-dir "$output/$module.doccarchive" --fallback-display-name "$module" \
        --fallback-bundle-identifier "vudo.$module" --warnings-as-errors >"$log" 2>&1 || status=$?
    count=$(grep -cE '^(warning|error):' "$log" || true)
    if [ "$count" -ne 0 ] || [ "$status" -ne 0 ]; then
        cat "$log" >&2
        echo "docs: $module has $count warning(s) or error(s)" >&2
        warnings=$((warnings + (count > 0 ? count : 1)))
    else
        echo "docs: $module built with 0 warnings ($output/$module.doccarchive)"
    fi
done
exit $((warnings > 0))
