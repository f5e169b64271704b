#!/usr/bin/env python3
"""Differential fuzzing: random valid modules from binaryen's `wasm-opt -ttf`, run under vudo
(WasmCore, through Fuzz/differential/runner.swift) and under wasmtime (`pip install wasmtime`).

    python3 Fuzz/differential.py [--count N] [--seed S] [--keep DIR] [--timeout SECONDS]
    python3 Fuzz/differential.py --check FILE.wasm     # compare one module, print both traces
    python3 Fuzz/differential.py --vector-programs     # dense SIMD modules (Fuzz/vector_programs.py)

Each module is instantiated once per engine; every function import is a stub (imports named
`log*`, binaryen's `fuzzing-support.log-*`, print their arguments) returning zeros; every exported
function is called in export order with zero arguments; then exported globals and a hash of every
exported memory are printed. The two traces must be equal, where a trap matches any trap (the
message is not compared) and any NaN matches any NaN. Stops at the first difference and prints the
module's path (kept in --keep, default .build-fuzz/differential/).

Modules use WebAssembly 2.0 and, by default, minus reference types (binaryen 108 encodes them as
typed function references, which neither engine accepts): sign-ext, mutable globals, non-trapping
float-to-int, bulk memory, multi-value and SIMD (`--no-simd` leaves SIMD out).

wasmtime's Python API cannot pass v128 values, so a module with SIMD is rewritten (for both
engines alike) before it runs: binaryen's `log-v128` import becomes `log-v128-as-i64x2` taking the
vector's two i64 lanes, and an exported function whose signature has a v128 is replaced by a wrapper
without parameters (every call passes zeros anyway), exported as `NAME__v128`, that logs a v128
result through `log-v128` (a function with several results and a v128 among them is not exported).
Logged vectors compare lane-tolerantly: two 32- or 64-bit lanes that are both NaN match, as
scalar NaNs do (wasm leaves NaN payloads open).
"""
import argparse
import collections
import hashlib
import os
import random
import shutil
import struct
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(ROOT, ".build-fuzz")
RUNNER = os.path.join(BUILD, "diff_runner")
RUNNER_SOURCE = os.path.join(ROOT, "Fuzz", "differential", "runner.swift")
FEATURES = [
    "--mvp-features", "--enable-sign-ext", "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int", "--enable-bulk-memory", "--enable-multivalue",
]
SIMD = "--enable-simd"
# binaryen 108 (Debian's) emits typed function references (GC-proposal encodings) once reference
# types are on: ~90% of such modules are rejected by both engines. Opt in with --reference-types.
REFERENCE_TYPES = "--enable-reference-types"


def build_runner(sources_dir):
    """Builds the vudo-side runner (-O, no sanitizers) when missing or older than its sources."""
    sources = sorted(
        os.path.abspath(os.path.join(d, f)) for d, _, fs in os.walk(sources_dir) for f in fs if f.endswith(".swift"))
    digest = hashlib.sha1()
    for path in sources + [RUNNER_SOURCE]:
        with open(path, "rb") as f:
            digest.update(f.read())
    stamp = RUNNER + ".sources"
    if os.path.exists(RUNNER) and os.path.exists(stamp) and open(stamp).read() == digest.hexdigest():
        return
    os.makedirs(BUILD, exist_ok=True)
    swiftc = shutil.which("swiftc") or "/opt/swift/usr/bin/swiftc"
    print(f"building {RUNNER}", file=sys.stderr)
    subprocess.run(
        [swiftc, "-O", "-wmo", "-num-threads", "1", "-parse-as-library", "-swift-version", "6",
         "-module-name", "WasmCore", *sources, RUNNER_SOURCE, "-o", RUNNER],
        check=True, cwd=BUILD)  # (swiftc may leave module files in its working directory)
    with open(stamp, "w") as f:
        f.write(digest.hexdigest())


# --- wasmtime side -------------------------------------------------------------------------------

def fnv1a(data):
    h = 0xcbf29ce484222325
    for b in data:
        h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h


def fmt(kind, value):
    """Formats a wasmtime value like runner.swift's `format`."""
    if kind == "i32":
        return f"i32:{value & 0xFFFFFFFF}"
    if kind == "i64":
        return f"i64:{value & 0xFFFFFFFFFFFFFFFF}"
    if kind == "f32":
        if value != value:
            return "f32:nan"
        return "f32:%x" % struct.unpack("<I", struct.pack("<f", value))[0]
    if kind == "f64":
        if value != value:
            return "f64:nan"
        return "f64:%x" % struct.unpack("<Q", struct.pack("<d", value))[0]
    if kind in ("funcref", "externref"):
        return f"{kind}:{'null' if value is None else 'ref'}"
    return kind


def kind_of(valtype):
    return str(valtype)  # 'i32', 'i64', 'f32', 'f64', 'funcref', 'externref', 'v128'


def zero(kind):
    return {"i32": 0, "i64": 0, "f32": 0.0, "f64": 0.0}.get(kind)


def wasmtime_trace(path):
    import wasmtime
    lines = []
    engine = wasmtime.Engine(wasmtime.Config())  # defaults: every 2.0 feature on
    store = wasmtime.Store(engine)
    with open(path, "rb") as f:
        data = f.read()
    try:
        module = wasmtime.Module(engine, data)
    except wasmtime.WasmtimeError as error:
        return [f"invalid {str(error).splitlines()[0]}"]
    imports = []
    for entry in module.imports:
        if not isinstance(entry.type, wasmtime.FuncType):
            return [f"unsupported-import {entry.module}.{entry.name}"]
        ftype = entry.type
        params = [kind_of(p) for p in ftype.params]
        results = [kind_of(r) for r in ftype.results]

        def stub(*args, name=entry.name, params=params, results=results):
            if name.startswith("log"):
                lines.append(f"log {name} " + " ".join(fmt(k, v) for k, v in zip(params, args)))
            else:
                lines.append(f"import {name}")
            values = [zero(k) for k in results]
            return None if not values else values[0] if len(values) == 1 else values

        imports.append(wasmtime.Func(store, ftype, stub))
    try:
        instance = wasmtime.Instance(store, module, imports)
    except wasmtime.Trap as trap:
        return lines + [f"instantiate-trap {trap.message.splitlines()[0]}"]
    except wasmtime.WasmtimeError as error:
        # A start function that traps surfaces as an error wrapping the trap.
        message = str(error).splitlines()[0]
        return lines + [f"instantiate-trap {message}"]
    exports = instance.exports(store)
    for export in module.exports:
        if not isinstance(export.type, wasmtime.FuncType):
            continue
        lines.append(f"call {export.name}")
        params = [kind_of(p) for p in export.type.params]
        results = [kind_of(r) for r in export.type.results]
        if "v128" in params or "v128" in results:
            lines.append("skip v128")
            continue
        func = exports[export.name]
        try:
            value = func(store, *[zero(k) for k in params])
        except wasmtime.Trap as trap:
            lines.append(f"trap {trap.message.splitlines()[0]}")
            continue
        except wasmtime.WasmtimeError as error:
            lines.append(f"trap {str(error).splitlines()[0]}")
            continue
        values = [] if not results else [value] if len(results) == 1 else list(value)
        lines.append("result " + " ".join(fmt(k, v) for k, v in zip(results, values)))
    for export in module.exports:
        item = exports[export.name]
        if isinstance(item, wasmtime.Global):
            kind = kind_of(item.type(store).content)
            lines.append(f"global {export.name} {fmt(kind, item.value(store))}")
        elif isinstance(item, wasmtime.Memory):
            size = item.data_len(store)
            data = item.read(store, 0, size) if size else b""
            lines.append(f"memory {export.name} {size} {fnv1a(data):x}")
    return lines


# --- comparison ----------------------------------------------------------------------------------

def normalize(line):
    """A trap matches any trap, and so does a failed instantiation because of a trap in start.
    Rejections match too: binaryen 108's -ttf with reference types sometimes emits modules that
    both engines reject (typed function references it should not use); they are counted apart."""
    word = line.split(" ", 1)[0]
    if word in ("trap", "instantiate-trap", "invalid"):
        return word
    return line


def is_nan32(bits):
    return bits & 0x7F800000 == 0x7F800000 and bits & 0x007FFFFF != 0


def is_nan64(bits):
    return bits & 0x7FF0000000000000 == 0x7FF0000000000000 and bits & 0x000FFFFFFFFFFFFF != 0


def same_vector_lane(a, b):
    """Two i64 halves of logged vectors: equal, or NaN where they differ, read as f64 or as two f32."""
    if a == b or (is_nan64(a) and is_nan64(b)):
        return True
    for shift in (0, 32):
        x, y = (a >> shift) & 0xFFFFFFFF, (b >> shift) & 0xFFFFFFFF
        if x != y and not (is_nan32(x) and is_nan32(y)):
            return False
    return True


def same_line(ours, theirs, vectors):
    """Lines match when equal after `normalize`; with `vectors` (a logged v128, the result of an
    export that returns v128s), i64 values that differ only in NaN lanes match too."""
    a, b = normalize(ours), normalize(theirs)
    if a == b:
        return True
    x, y = ours.split(" "), theirs.split(" ")
    if not vectors or len(x) != len(y) or x[0] != y[0]:
        return False
    for u, v in zip(x, y):
        if u == v:
            continue
        if not (u.startswith("i64:") and v.startswith("i64:")):
            return False
        if not same_vector_lane(int(u[4:]), int(v[4:])):
            return False
    return True


def vudo_trace(path, timeout):
    try:
        done = subprocess.run([RUNNER, path], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "timeout"
    if done.returncode != 0:
        return done.stdout.splitlines(), f"exit {done.returncode}: {done.stderr.strip()[-2000:]}"
    return done.stdout.splitlines(), None


def wasmtime_trace_subprocess(path, timeout):
    """wasmtime in a child process, so that a guest that loops forever can be stopped."""
    try:
        done = subprocess.run([sys.executable, __file__, "--wasmtime-trace", path],
                              capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "timeout"
    if done.returncode != 0:
        return None, f"exit {done.returncode}: {done.stderr.strip()[-2000:]}"
    return done.stdout.splitlines(), None


compared = collections.Counter()  # trace lines compared, by kind (call, result, trap, log, ...)


def compare(path, timeout, verbose=False):
    """Returns (status, detail): status is 'agree', 'invalid' (both rejected it), 'timeout' or
    'differ'."""
    ours, our_error = vudo_trace(path, timeout)
    theirs, their_error = wasmtime_trace_subprocess(path, timeout)
    if verbose:
        print("--- vudo", *(ours or []), f"({our_error})" if our_error else "", sep="\n")
        print("--- wasmtime", *(theirs or []), f"({their_error})" if their_error else "", sep="\n")
    if our_error == "timeout" or their_error == "timeout":
        if our_error == their_error:
            return "timeout", "both timed out"
        return "timeout", f"vudo: {our_error or 'finished'}, wasmtime: {their_error or 'finished'}"
    if our_error:
        return "differ", f"vudo crashed ({our_error})"
    if their_error:
        return "differ", f"wasmtime side failed ({their_error})"
    compared.update(l.split(" ", 1)[0] for l in ours)
    for i, (x, y) in enumerate(zip(ours, theirs)):
        vectors = x.startswith("log log-v128")
        if not same_line(x, y, vectors):
            return "differ", f"line {i + 1}: vudo {x!r} vs wasmtime {y!r}"
    if len(ours) != len(theirs):
        return "differ", f"trace lengths {len(ours)} vs {len(theirs)}"
    return ("invalid" if [normalize(l) for l in ours] == ["invalid"] else "agree"), ""


def generate(rng, directory, index, features):
    seed_path = os.path.join(directory, f"m{index:05d}.bin")
    wasm_path = os.path.join(directory, f"m{index:05d}.wasm")
    with open(seed_path, "wb") as f:
        f.write(rng.randbytes(rng.randint(256, 16384)))
    command = ["wasm-opt", "-ttf", seed_path, "-o", wasm_path, *features]
    # Half the modules go through binaryen's optimizer too, for code shapes -ttf alone never makes.
    if rng.random() < 0.5:
        command.append(rng.choice(["-O1", "-O2", "-O3", "-Os", "-Oz"]))
    done = subprocess.run(command, capture_output=True, timeout=60)
    os.remove(seed_path)
    if done.returncode != 0:
        return None
    if SIMD in features and not hide_vectors_at_the_boundary(wasm_path, features):
        return None
    return wasm_path


# --- v128 at the boundary ------------------------------------------------------------------------

ZERO = {"i32": "(i32.const 0)", "i64": "(i64.const 0)", "f32": "(f32.const 0)", "f64": "(f64.const 0)",
        "v128": "(v128.const i64x2 0 0)"}


def hide_vectors_at_the_boundary(path, features):
    """Rewrites the module at `path` (through binaryen's text) so that no import or export has a
    v128 in its signature, which wasmtime's Python API cannot handle; see the module docstring.
    Returns False when the module has a v128 at the boundary this cannot rewrite."""
    import re
    printed = subprocess.run(["wasm-opt", path, "--print", *features], capture_output=True, text=True, timeout=60)
    if printed.returncode != 0:
        return False
    lines = printed.stdout.splitlines()
    signatures = {}
    header = re.compile(r"^ \(func (\$\S+)((?: \(param \$\S+ \w+\))*)(?: \(result ([\w ]+)\))?")
    for line in lines:
        match = header.match(line)
        if match:
            params = re.findall(r"\(param \$\S+ (\w+)\)", match.group(2))
            results = match.group(3).split() if match.group(3) else []
            signatures[match.group(1)] = (params, results)
    added = []
    output = []
    vector_log = None
    for line in lines:
        imported = re.match(r'^ \(import "([^"]+)" "([^"]+)" \(func (\$\S+) (.*)\)\)$', line)
        if imported and "v128" in imported.group(4):
            module, name, function, signature = imported.groups()
            if signature != "(param v128)":
                return False
            output.append(f' (import "{module}" "{name}-as-i64x2" (func {function}__lanes (param i64 i64)))')
            if name == "log-v128":
                vector_log = function
            added.append(f" (func {function} (param $0 v128)\n  (call {function}__lanes"
                         f" (i64x2.extract_lane 0 (local.get $0)) (i64x2.extract_lane 1 (local.get $0))))")
            continue
        exported = re.match(r'^ \(export "([^"]+)" \((func|global) (\$\S+)\)\)$', line)
        if exported and exported.group(2) == "global":
            if re.search(r"\(global " + re.escape(exported.group(3)) + r" \(mut v128\)|\(global "
                         + re.escape(exported.group(3)) + r" v128", printed.stdout):
                continue
        if exported and exported.group(2) == "func":
            name, function = exported.group(1), exported.group(3)
            params, results = signatures.get(function, ([], []))
            if "v128" in params or "v128" in results:
                # binaryen's text parser wants folded expressions: a wrapper of one call, whose
                # v128 result goes to the log import; other multi-value results are left out.
                if len(results) > 1 or (results == ["v128"] and vector_log is None):
                    continue
                wrapper = function + "__no_v128"
                if all(not a.startswith(f" (func {wrapper}") for a in added):
                    call = f"(call {function} " + " ".join(ZERO[p] for p in params) + ")"
                    if results == ["v128"]:
                        added.append(f" (func {wrapper}\n  (call {vector_log} {call}))")
                    else:
                        result = f" (result {results[0]})" if results else ""
                        added.append(f" (func {wrapper}{result}\n  {call})")
                output.append(f' (export "{name}__v128" (func {wrapper}))')
                continue
        output.append(line)
    if output == lines:
        return True
    # The module's closing parenthesis is its last line.
    while output and output[-1].strip() == "":
        output.pop()
    if not output or output[-1].strip() != ")":
        return False
    text = "\n".join(output[:-1] + added + [")"]) + "\n"
    wat_path = path + ".wat"
    with open(wat_path, "w") as f:
        f.write(text)
    done = subprocess.run(["wasm-opt", wat_path, "-o", path, *features], capture_output=True, timeout=60)
    os.remove(wat_path)
    return done.returncode == 0


def generate_vector_program(rng, directory, index):
    """A module of Fuzz/vector_programs.py, assembled by binaryen."""
    import vector_programs
    wat_path = os.path.join(directory, f"v{index:05d}.wat")
    wasm_path = os.path.join(directory, f"v{index:05d}.wasm")
    with open(wat_path, "w") as f:
        f.write(vector_programs.generate(rng))
    done = subprocess.run(["wasm-opt", wat_path, "-o", wasm_path, *FEATURES, SIMD], capture_output=True, timeout=60)
    os.remove(wat_path)
    return wasm_path if done.returncode == 0 else None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--keep", default=os.path.join(BUILD, "differential"))
    parser.add_argument("--timeout", type=float, default=10)
    parser.add_argument("--sources", default=os.environ.get("WASMCORE_SOURCES", os.path.join(ROOT, "Sources", "WasmCore")),
                        help="WasmCore sources to build the runner from (default: the work tree's)")
    parser.add_argument("--check", metavar="FILE")
    parser.add_argument("--reference-types", action="store_true",
                        help="also enable reference types in generated modules (most come out invalid)")
    parser.add_argument("--no-simd", action="store_true", help="leave SIMD out of generated modules")
    parser.add_argument("--vector-programs", action="store_true",
                        help="random SIMD expression programs (Fuzz/vector_programs.py) instead of binaryen's -ttf")
    parser.add_argument("--wasmtime-trace", metavar="FILE", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.wasmtime_trace:
        print("\n".join(wasmtime_trace(args.wasmtime_trace)))
        return 0
    build_runner(args.sources)
    if args.check:
        status, detail = compare(args.check, args.timeout, verbose=True)
        print(status, detail)
        return 0 if status != "differ" else 1

    seed = args.seed if args.seed is not None else random.randrange(1 << 32)
    rng = random.Random(seed)
    os.makedirs(args.keep, exist_ok=True)
    counts = {"agree": 0, "invalid": 0, "timeout": 0, "differ": 0, "ungenerated": 0}
    start = time.time()
    print(f"seed {seed}")
    for index in range(args.count):
        features = FEATURES + ([] if args.no_simd else [SIMD]) + ([REFERENCE_TYPES] if args.reference_types else [])
        if args.vector_programs:
            path = generate_vector_program(rng, args.keep, index)
        else:
            path = generate(rng, args.keep, index, features)
        if path is None:
            counts["ungenerated"] += 1
            continue
        status, detail = compare(path, args.timeout)
        counts[status] += 1
        if status == "differ":
            print(f"DIFFERENCE in {path}: {detail}")
            print(f"reproduce: python3 Fuzz/differential.py --check {path}")
            print(counts)
            return 1
        if status == "timeout":
            print(f"timeout in {path}: {detail}")
        else:
            os.remove(path)
        if (index + 1) % 25 == 0:
            print(f"{index + 1} modules, {counts}, {time.time() - start:.0f}s", flush=True)
    print(f"done: {args.count} modules in {time.time() - start:.0f}s, {counts}")
    print(f"trace lines compared: {dict(compared)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
