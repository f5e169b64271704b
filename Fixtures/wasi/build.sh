#!/bin/sh
# Rebuilds every Fixtures/wasi/*.wasm from the C source beside it, against Debian's wasi-libc,
# compress.expected from a native build of compress.c, and stdio_copy*.expected from a native build
# of stdio_copy.c run in a pipe and with a terminal as its stdout (util-linux script(1) gives it
# one).
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
NATIVE=/tmp/vudo-stdio-copy-native
"$CLANG" -O2 -Wall -Wextra stdio_copy.c -o "$NATIVE"
printf 'copied through a pipe \000\001\002\377\n' > "$NATIVE.input"
# stdin and stdout are pipes; the copy must arrive whole.
cat "$NATIVE.input" | { "$NATIVE" 2> stdio_copy.expected; echo "exit status: $?" >> stdio_copy.expected; } \
    | cat > "$NATIVE.output"
cmp "$NATIVE.input" "$NATIVE.output"
# stdout is a terminal, stdin /dev/null (a character device that is not a terminal).
script -qec "'$NATIVE' < /dev/null 2> stdio_copy.terminal.expected; echo \"exit status: \$?\" >> stdio_copy.terminal.expected" \
    /dev/null > /dev/null
rm -f "$NATIVE" "$NATIVE.input" "$NATIVE.output"
echo "wrote stdio_copy.expected and stdio_copy.terminal.expected"
