#!/usr/bin/env bash
# Regenerates every Benchmarks/*.wasm from Benchmarks/src/*.c with the Swift toolchain's clang, and
# from Benchmarks/src/*.wat (GC workloads, which no C compiler emits) with a release build of vudo.
# The workloads are freestanding (no libc): each exports `run`, which returns a checksum.
# Usage: Benchmarks/build.sh            (from anywhere; CLANG overrides the compiler)
set -eu
cd "$(dirname "$0")"
clang=${CLANG:-clang}
flags=(--target=wasm32 -nostdlib -Wl,--no-entry -Wl,--export=run)

for source in src/*.c; do
    name=$(basename "$source" .c)
    # mix_O0 stands for debug builds, so it is the one workload built without optimization.
    case "$name" in
        *_O0) optimization=-O0 ;;
        *) optimization=-O2 ;;
    esac
    # simd is written with wasm_simd128.h: the one workload built with 128-bit SIMD.
    features=()
    case "$name" in
        simd) features=(-msimd128) ;;
    esac
    "$clang" "${flags[@]}" "${features[@]}" "$optimization" "$source" -o "$name.wasm"
    echo "built $name.wasm ($optimization, $(wc -c < "$name.wasm") bytes)"
done

vudo=${VUDO:-../.build/release/vudo}
for source in src/*.wat; do
    name=$(basename "$source" .wat)
    "$vudo" wat2wasm "$source" -o "$name.wasm"
    echo "built $name.wasm (from text, $(wc -c < "$name.wasm") bytes)"
done
