#!/bin/sh
# Rebuilds every Fixtures/wasi/*.wasm from the C source beside it, against Debian's wasi-libc,
# and compress.expected from a native build of compress.c.
#
# Needs: apt-get install wasi-libc libclang-rt-dev-wasm32 (the sysroot under
# /usr/include/wasm32-wasi and /usr/lib/wasm32-wasi; the wasm32 compiler builtins), and the
# clang and wasm-ld of the Swift toolchain (CLANG, default /opt/swift/usr/bin/clang).
set -eu
cd "$(dirname "$0")"
CLANG=${CLANG:-/opt/swift/usr/bin/clang}
BIN=$(dirname "$CLANG")
# Debian ships the builtins for its own clang; point this clang's resource dir there.
RESOURCE_DIR=${RESOURCE_DIR:-$(dirname "$(dirname "$(dirname "$(ls /usr/lib/llvm-*/lib/clang/*/lib/wasi/libclang_rt.builtins-wasm32.a | head -n 1)")")")}
for source in *.c; do
    "$CLANG" --target=wasm32-wasi --sysroot=/usr -resource-dir "$RESOURCE_DIR" -fuse-ld="$BIN/wasm-ld" \
        -O2 -Wall -Wextra -Wl,--strip-all "$source" -o "${source%.c}.wasm"
    echo "built ${source%.c}.wasm"
done
"$CLANG" -O2 -Wall -Wextra compress.c -o /tmp/vudo-compress-native
/tmp/vudo-compress-native extra > compress.expected
rm -f /tmp/vudo-compress-native
echo "wrote compress.expected"
