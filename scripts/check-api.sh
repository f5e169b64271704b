#!/usr/bin/env bash
# The public API of the library products (WasmCore, WasmText, Vudo, VudoWASI, VudoCodegen) against the committed baseline in
# api/, with the toolchain's swift-api-digester. API changes must be deliberate: any difference
# fails, showing the digester's list of breaking changes and every declaration added or removed.
#
#   scripts/check-api.sh            compare the current API with api/<Module>.json
#   scripts/check-api.sh --update   make the current API the baseline (then commit api/)
#
# The dumps come from the debug build `swift build` makes, as in CI; a release build adds nothing
# to the API but lists other imports, so always dump the debug build.
set -euo pipefail
cd "$(dirname "$0")/.."

modules=(WasmCore WasmText Vudo VudoWASI VudoCodegen)
update=false
case "${1:-}" in
    --update) update=true ;;
    "") ;;
    *) echo "usage: scripts/check-api.sh [--update]" >&2; exit 2 ;;
esac

swift build --target Vudo >/dev/null
swift build --target VudoWASI >/dev/null
swift build --target VudoCodegen >/dev/null
bin=$(swift build --show-bin-path)
triple=$(swiftc -print-target-info | sed -n 's/^ *"triple": "\(.*\)",$/\1/p' | head -1)
work=.build/api
mkdir -p "$work" api

# Every declaration's USR, demangled: a readable list for the added/removed report.
declarations() {
    grep -o '"usr": "s:[^"]*"' "$1" | sed 's/^"usr": "s:\(.*\)"$/$s\1/' | sort -u | swift-demangle --simplified | sort
}

failed=0
for module in "${modules[@]}"; do
    current="$work/$module.json"
    swift-api-digester -dump-sdk -module "$module" -I "$bin/Modules" -target "$triple" -swift-only \
        -avoid-location -avoid-tool-args -module-cache-path "$work/module-cache" -o "$current"
    baseline="api/$module.json"
    if $update; then
        cp "$current" "$baseline"
        echo "api: $baseline updated"
        continue
    fi
    if [ ! -f "$baseline" ]; then
        echo "api: no baseline $baseline; run scripts/check-api.sh --update" >&2
        failed=1
        continue
    fi
    if cmp -s "$baseline" "$current"; then
        echo "api: $module matches $baseline"
        continue
    fi
    failed=1
    echo "api: the public API of $module differs from $baseline" >&2
    swift-api-digester -diagnose-sdk -input-paths "$baseline" -input-paths "$current" \
        -o "$work/$module-breaking.txt" >/dev/null 2>&1 || true
    if grep -qv '^\(/\* .* \*/\)\?$' "$work/$module-breaking.txt" 2>/dev/null; then
        echo "breaking changes (swift-api-digester):" >&2
        grep -v '^\(/\* .* \*/\)\?$' "$work/$module-breaking.txt" | sed 's/^/  /' >&2
    fi
    declarations "$baseline" >"$work/$module-baseline.txt"
    declarations "$current" >"$work/$module-current.txt"
    comm -13 "$work/$module-baseline.txt" "$work/$module-current.txt" | sed 's/^/  + /' >&2
    comm -23 "$work/$module-baseline.txt" "$work/$module-current.txt" | sed 's/^/  - /' >&2
done
if [ "$failed" -ne 0 ]; then
    echo "api: if the change is meant, run scripts/check-api.sh --update and commit api/" >&2
fi
exit "$failed"
