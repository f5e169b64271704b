#!/usr/bin/env python3
"""Random exception-handling programs under vudo and wasmtime (docs/fuzzing.md, "Exceptions").

Each module has 1-4 functions (i32) -> i32 whose bodies are random expression trees of `try_table`
with every kind of catch clause (to blocks, loops and the function's own label), `throw` of tags
with one and two values, `throw_ref` of a caught `exnref`, calls down the chain and local updates,
some thrown only for some arguments. `f0` is called with six arguments in each engine; results
must be equal, where any uncaught exception matches any uncaught exception. The legacy
instructions are left out: wasmtime does not read them.

    python3 Fuzz/exceptions_differential.py --count 200 [--seed S] [--vudo .build/release/vudo]
"""
import argparse
import os
import random
import subprocess
import sys
import tempfile

import wasmtime

ARGUMENTS = [0, 1, 2, 3, 5, 9]


def expression(r, depth, function, count):
    if depth <= 0:
        return r.choice([f"(i32.const {r.randint(-5, 50)})", "(local.get 0)", "(local.get 1)"])
    e = lambda: expression(r, depth - 1, function, count)
    kind = r.randint(0, 13)
    if kind == 0:
        return f"(i32.add {e()} {e()})"
    if kind == 1:
        return f"(local.tee 1 {e()})"
    if kind == 2:
        return f"(block $h (result i32) (try_table (result i32) (catch $e1 $h) {e()}))"
    if kind == 3:
        return (f"(block $done (result i32) (block $h (br $done (try_table (result i32) (catch_all $h) {e()}))) "
                f"(i32.const {r.randint(100, 200)}))")
    if kind == 4:
        return (f"(block $out (result i32) (block $h (result i32 exnref) "
                f"(br $out (try_table (result i32) (catch_ref $e1 $h) {e()}))) (drop))")
    if kind == 5:
        return (f"(block (result i32) (block $h (result i32 i64) (try_table (result i32 i64) (catch $e2 $h) "
                f"{e()} (i64.const 5))) (i32.wrap_i64) (i32.add))")
    if kind == 6:
        return (f"(if (result i32) (i32.eq (local.get 0) (i32.const {r.randint(0, 6)})) "
                f"(then (throw {r.choice(['$e1', '$e3'])} {e()})) (else {e()}))")
    if kind == 7:
        return (f"(if (result i32) (i32.lt_s (local.get 1) (i32.const {r.randint(0, 60)})) "
                f"(then (throw $e2 {e()} (i64.extend_i32_u {e()}))) (else {e()}))")
    if kind == 8 and function + 1 < count:
        return f"(call $f{r.randint(function + 1, count - 1)} {e()})"
    if kind == 9:
        return (f"(block $h2 (result i32) (try_table (result i32) (catch $e1 $h2) "
                f"(block $h (result exnref) (try_table (catch_all_ref $h) (drop {e()}) "
                f"(throw $e1 (i32.const {r.randint(0, 9)}))) (unreachable)) (throw_ref)))")
    if kind == 10:
        return (f"(block $out (result i32) (loop $l (result i32) "
                f"(local.set 1 (i32.add (local.get 1) (i32.const 7))) "
                f"(br_if $out (i32.gt_s (local.get 1) (i32.const 40)) (local.get 1)) "
                f"(drop (block $h (result i32) (try_table (result i32) (catch $e1 $h) {e()}))) "
                f"(br $l)))")
    if kind == 11:
        return f"(i32.sub {e()} (block $h (result i32) (try_table (result i32) (catch $e1 $h) (throw $e1 {e()}))))"
    if kind == 12:
        return f"(block (result i32) (try_table (result i32) (catch $e3 0) {e()}))"
    return f"(i32.mul {e()} (i32.const {r.randint(1, 3)}))"


def module(seed):
    r = random.Random(seed)
    count = r.randint(1, 4)
    functions = []
    for index in range(count):
        body = expression(r, r.randint(2, 7), index, count)
        if r.random() < 0.4:
            body = f"(try_table (result i32) (catch $e3 0) {body})"  # the function's own label
        functions.append(
            f'  (func $f{index} (export "f{index}") (param i32) (result i32) (local i32)\n'
            f"    (local.set 1 (i32.const {r.randint(0, 30)}))\n    {body})")
    return ("(module\n  (tag $e1 (param i32))\n  (tag $e2 (param i32 i64))\n  (tag $e3 (param i32))\n"
            + "\n".join(functions) + "\n)\n")


def under_wasmtime(wasm):
    config = wasmtime.Config()
    config.wasm_exceptions = True
    engine = wasmtime.Engine(config)
    store = wasmtime.Store(engine)
    instance = wasmtime.Instance(store, wasmtime.Module(engine, wasm), [])
    results = []
    for argument in ARGUMENTS:
        try:
            results.append(str(instance.exports(store)["f0"](store, argument)))
        except wasmtime.Trap as trap:
            results.append("exception" if "exception" in str(trap).lower() else "trap")
    return results


def under_vudo(vudo, path):
    results = []
    for argument in ARGUMENTS:
        run = subprocess.run([vudo, "invoke", path, "f0", str(argument)], capture_output=True, text=True)
        if run.returncode == 0:
            results.append(run.stdout.strip())
        else:
            text = (run.stdout + run.stderr).lower()
            results.append("exception" if "exception" in text else "trap")
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--vudo", default=".build/release/vudo")
    options = parser.parse_args()
    directory = tempfile.mkdtemp(prefix="vudo-eh-")
    differences = 0
    for seed in range(options.seed, options.seed + options.count):
        text = module(seed)
        wasm = wasmtime.wat2wasm(text)
        path = os.path.join(directory, f"m{seed}.wasm")
        with open(path, "wb") as file:
            file.write(wasm)
        expected, actual = under_wasmtime(wasm), under_vudo(options.vudo, path)
        if expected != actual:
            differences += 1
            with open(os.path.join(directory, f"m{seed}.wat"), "w") as file:
                file.write(text)
            print(f"seed {seed}: wasmtime {expected}, vudo {actual} ({path[:-5]}.wat)")
        else:
            os.remove(path)
    print(f"{options.count} modules, {differences} differences")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
