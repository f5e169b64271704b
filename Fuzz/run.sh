#!/usr/bin/env bash
# Builds a libFuzzer target (WasmCore's sources + Fuzz/Harness.swift + Fuzz/TARGET.swift compiled
# as one module named WasmCore, with -sanitize=fuzzer,address) into .build-fuzz/ and runs it.
#
#   Fuzz/run.sh TARGET [SECONDS] [extra libFuzzer flags...]
#   Fuzz/run.sh TARGET build          # build only
#   Fuzz/run.sh TARGET repro FILE...  # run the given inputs once each (stack trace on a crash)
#
# TARGET is decode_validate or instantiate_execute. The working corpus grows in
# .build-fuzz/corpus-TARGET (seeded from Fuzz/corpus); crashers land in Fuzz/failures/open/
# (move one up to Fuzz/failures/ once fixed: FuzzRegressionTests then replays it).
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET=${1:?usage: Fuzz/run.sh decode_validate|instantiate_execute [SECONDS|build|repro FILE...]}
shift
MODE=${1:-60}
[ -f "Fuzz/$TARGET.swift" ] || { echo "no target Fuzz/$TARGET.swift" >&2; exit 2; }
SWIFTC=${SWIFTC:-$(command -v swiftc || echo /opt/swift/usr/bin/swiftc)}
OUT=.build-fuzz
BIN=$OUT/$TARGET
mkdir -p "$OUT"

# WASMCORE_SOURCES=DIR fuzzes another copy of the engine (e.g. a `git archive` snapshot of HEAD).
SRC_DIR=$(cd "${WASMCORE_SOURCES:-Sources/WasmCore}" && pwd)
SOURCES=$(find "$SRC_DIR" -name '*.swift' | sort)
ROOT=$PWD
# Rebuild when the sources' contents changed (not their times: snapshots keep commit times).
HASH=$(cat $SOURCES Fuzz/Harness.swift "Fuzz/$TARGET.swift" | sha1sum | cut -d' ' -f1)
if [ ! -x "$BIN" ] || [ "$(cat "$BIN.sources" 2>/dev/null)" != "$HASH" ]; then
    echo "building $BIN" >&2
    # -wmo with one thread: the machine is shared; -g keeps symbolized stack traces.
    # (gold warns once per ASan helper symbol; those lines are dropped from the log shown.)
    # Built from inside $OUT: swiftc may leave module files in its working directory.
    if ! (cd "$OUT" && "$SWIFTC" -sanitize=fuzzer,address -parse-as-library -O -g -wmo -num-threads 1 \
        -swift-version 6 -module-name WasmCore $SOURCES "$ROOT/Fuzz/Harness.swift" "$ROOT/Fuzz/$TARGET.swift" \
        -o "$ROOT/$BIN.tmp" >"$ROOT/$OUT/$TARGET.build.log" 2>&1)
    then
        grep -v 'Cannot export local symbol' "$OUT/$TARGET.build.log" >&2
        exit 1
    fi
    mv "$BIN.tmp" "$BIN"
    echo "$HASH" >"$BIN.sources"
fi

case "$MODE" in
build) exit 0 ;;
repro)
    shift
    exec "$BIN" -runs=1 "$@"
    ;;
esac

SECONDS_TO_RUN=$MODE
shift || true
CORPUS=$OUT/corpus-$TARGET
mkdir -p "$CORPUS" Fuzz/failures/open
# -rss_limit_mb: ASan plus 16 MiB guest memories; -timeout: one input must not run for seconds.
exec "$BIN" "$CORPUS" Fuzz/corpus \
    -max_total_time="$SECONDS_TO_RUN" -timeout=10 -rss_limit_mb=4096 -max_len=4096 \
    -dict=Fuzz/wasm.dict -artifact_prefix="Fuzz/failures/open/$TARGET-" -print_final_stats=1 "$@"
