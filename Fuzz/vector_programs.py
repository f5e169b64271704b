"""Random vector programs for Fuzz/differential.py (`--vector-programs`): modules dense in SIMD,
where binaryen's -ttf puts a few vector instructions among many scalar ones.

Each module has a page of memory with random bytes and exports functions without parameters; each
function evaluates a random expression tree of fixed-width SIMD instructions (relaxed SIMD is left
out: engines may choose differently) over constants with edge-case lanes (zeros, extremes, NaNs
with payloads, infinities, signed zeros, small integers) and memory loads, optionally stores a
vector first, and logs the result: a v128 through `log-v128-as-i64x2` as its two i64 lanes, a
scalar through `log-i32`, ... Loads and stores use addresses near the end of the memory now and
then, so that some trap.

Where wasm leaves a NaN's payload open (arithmetic on NaN operands), the result's NaN lanes are
made canonical before anything else reads them, as bits, through integer operations: engines then
agree on every bit, and which lanes are NaN is still compared.
"""
import random
import struct

# Every fixed-width SIMD instruction with its operand signature, from the opcode table
# (`vudo opcodes`).
OPERATIONS = [
    ("v128.load", "i32 -> v128"),
    ("v128.load8x8_s", "i32 -> v128"),
    ("v128.load8x8_u", "i32 -> v128"),
    ("v128.load16x4_s", "i32 -> v128"),
    ("v128.load16x4_u", "i32 -> v128"),
    ("v128.load32x2_s", "i32 -> v128"),
    ("v128.load32x2_u", "i32 -> v128"),
    ("v128.load8_splat", "i32 -> v128"),
    ("v128.load16_splat", "i32 -> v128"),
    ("v128.load32_splat", "i32 -> v128"),
    ("v128.load64_splat", "i32 -> v128"),
    ("v128.store", "i32 v128 ->"),
    ("v128.const", "-> v128"),
    ("i8x16.shuffle", "v128 v128 -> v128"),
    ("i8x16.swizzle", "v128 v128 -> v128"),
    ("i8x16.splat", "i32 -> v128"),
    ("i16x8.splat", "i32 -> v128"),
    ("i32x4.splat", "i32 -> v128"),
    ("i64x2.splat", "i64 -> v128"),
    ("f32x4.splat", "f32 -> v128"),
    ("f64x2.splat", "f64 -> v128"),
    ("i8x16.extract_lane_s", "v128 -> i32"),
    ("i8x16.extract_lane_u", "v128 -> i32"),
    ("i8x16.replace_lane", "v128 i32 -> v128"),
    ("i16x8.extract_lane_s", "v128 -> i32"),
    ("i16x8.extract_lane_u", "v128 -> i32"),
    ("i16x8.replace_lane", "v128 i32 -> v128"),
    ("i32x4.extract_lane", "v128 -> i32"),
    ("i32x4.replace_lane", "v128 i32 -> v128"),
    ("i64x2.extract_lane", "v128 -> i64"),
    ("i64x2.replace_lane", "v128 i64 -> v128"),
    ("f32x4.extract_lane", "v128 -> f32"),
    ("f32x4.replace_lane", "v128 f32 -> v128"),
    ("f64x2.extract_lane", "v128 -> f64"),
    ("f64x2.replace_lane", "v128 f64 -> v128"),
    ("i8x16.eq", "v128 v128 -> v128"),
    ("i8x16.ne", "v128 v128 -> v128"),
    ("i8x16.lt_s", "v128 v128 -> v128"),
    ("i8x16.lt_u", "v128 v128 -> v128"),
    ("i8x16.gt_s", "v128 v128 -> v128"),
    ("i8x16.gt_u", "v128 v128 -> v128"),
    ("i8x16.le_s", "v128 v128 -> v128"),
    ("i8x16.le_u", "v128 v128 -> v128"),
    ("i8x16.ge_s", "v128 v128 -> v128"),
    ("i8x16.ge_u", "v128 v128 -> v128"),
    ("i16x8.eq", "v128 v128 -> v128"),
    ("i16x8.ne", "v128 v128 -> v128"),
    ("i16x8.lt_s", "v128 v128 -> v128"),
    ("i16x8.lt_u", "v128 v128 -> v128"),
    ("i16x8.gt_s", "v128 v128 -> v128"),
    ("i16x8.gt_u", "v128 v128 -> v128"),
    ("i16x8.le_s", "v128 v128 -> v128"),
    ("i16x8.le_u", "v128 v128 -> v128"),
    ("i16x8.ge_s", "v128 v128 -> v128"),
    ("i16x8.ge_u", "v128 v128 -> v128"),
    ("i32x4.eq", "v128 v128 -> v128"),
    ("i32x4.ne", "v128 v128 -> v128"),
    ("i32x4.lt_s", "v128 v128 -> v128"),
    ("i32x4.lt_u", "v128 v128 -> v128"),
    ("i32x4.gt_s", "v128 v128 -> v128"),
    ("i32x4.gt_u", "v128 v128 -> v128"),
    ("i32x4.le_s", "v128 v128 -> v128"),
    ("i32x4.le_u", "v128 v128 -> v128"),
    ("i32x4.ge_s", "v128 v128 -> v128"),
    ("i32x4.ge_u", "v128 v128 -> v128"),
    ("f32x4.eq", "v128 v128 -> v128"),
    ("f32x4.ne", "v128 v128 -> v128"),
    ("f32x4.lt", "v128 v128 -> v128"),
    ("f32x4.gt", "v128 v128 -> v128"),
    ("f32x4.le", "v128 v128 -> v128"),
    ("f32x4.ge", "v128 v128 -> v128"),
    ("f64x2.eq", "v128 v128 -> v128"),
    ("f64x2.ne", "v128 v128 -> v128"),
    ("f64x2.lt", "v128 v128 -> v128"),
    ("f64x2.gt", "v128 v128 -> v128"),
    ("f64x2.le", "v128 v128 -> v128"),
    ("f64x2.ge", "v128 v128 -> v128"),
    ("v128.not", "v128 -> v128"),
    ("v128.and", "v128 v128 -> v128"),
    ("v128.andnot", "v128 v128 -> v128"),
    ("v128.or", "v128 v128 -> v128"),
    ("v128.xor", "v128 v128 -> v128"),
    ("v128.bitselect", "v128 v128 v128 -> v128"),
    ("v128.any_true", "v128 -> i32"),
    ("v128.load8_lane", "i32 v128 -> v128"),
    ("v128.load16_lane", "i32 v128 -> v128"),
    ("v128.load32_lane", "i32 v128 -> v128"),
    ("v128.load64_lane", "i32 v128 -> v128"),
    ("v128.store8_lane", "i32 v128 ->"),
    ("v128.store16_lane", "i32 v128 ->"),
    ("v128.store32_lane", "i32 v128 ->"),
    ("v128.store64_lane", "i32 v128 ->"),
    ("v128.load32_zero", "i32 -> v128"),
    ("v128.load64_zero", "i32 -> v128"),
    ("f32x4.demote_f64x2_zero", "v128 -> v128"),
    ("f64x2.promote_low_f32x4", "v128 -> v128"),
    ("i8x16.abs", "v128 -> v128"),
    ("i8x16.neg", "v128 -> v128"),
    ("i8x16.popcnt", "v128 -> v128"),
    ("i8x16.all_true", "v128 -> i32"),
    ("i8x16.bitmask", "v128 -> i32"),
    ("i8x16.narrow_i16x8_s", "v128 v128 -> v128"),
    ("i8x16.narrow_i16x8_u", "v128 v128 -> v128"),
    ("f32x4.ceil", "v128 -> v128"),
    ("f32x4.floor", "v128 -> v128"),
    ("f32x4.trunc", "v128 -> v128"),
    ("f32x4.nearest", "v128 -> v128"),
    ("i8x16.shl", "v128 i32 -> v128"),
    ("i8x16.shr_s", "v128 i32 -> v128"),
    ("i8x16.shr_u", "v128 i32 -> v128"),
    ("i8x16.add", "v128 v128 -> v128"),
    ("i8x16.add_sat_s", "v128 v128 -> v128"),
    ("i8x16.add_sat_u", "v128 v128 -> v128"),
    ("i8x16.sub", "v128 v128 -> v128"),
    ("i8x16.sub_sat_s", "v128 v128 -> v128"),
    ("i8x16.sub_sat_u", "v128 v128 -> v128"),
    ("f64x2.ceil", "v128 -> v128"),
    ("f64x2.floor", "v128 -> v128"),
    ("i8x16.min_s", "v128 v128 -> v128"),
    ("i8x16.min_u", "v128 v128 -> v128"),
    ("i8x16.max_s", "v128 v128 -> v128"),
    ("i8x16.max_u", "v128 v128 -> v128"),
    ("f64x2.trunc", "v128 -> v128"),
    ("i8x16.avgr_u", "v128 v128 -> v128"),
    ("i16x8.extadd_pairwise_i8x16_s", "v128 -> v128"),
    ("i16x8.extadd_pairwise_i8x16_u", "v128 -> v128"),
    ("i32x4.extadd_pairwise_i16x8_s", "v128 -> v128"),
    ("i32x4.extadd_pairwise_i16x8_u", "v128 -> v128"),
    ("i16x8.abs", "v128 -> v128"),
    ("i16x8.neg", "v128 -> v128"),
    ("i16x8.q15mulr_sat_s", "v128 v128 -> v128"),
    ("i16x8.all_true", "v128 -> i32"),
    ("i16x8.bitmask", "v128 -> i32"),
    ("i16x8.narrow_i32x4_s", "v128 v128 -> v128"),
    ("i16x8.narrow_i32x4_u", "v128 v128 -> v128"),
    ("i16x8.extend_low_i8x16_s", "v128 -> v128"),
    ("i16x8.extend_high_i8x16_s", "v128 -> v128"),
    ("i16x8.extend_low_i8x16_u", "v128 -> v128"),
    ("i16x8.extend_high_i8x16_u", "v128 -> v128"),
    ("i16x8.shl", "v128 i32 -> v128"),
    ("i16x8.shr_s", "v128 i32 -> v128"),
    ("i16x8.shr_u", "v128 i32 -> v128"),
    ("i16x8.add", "v128 v128 -> v128"),
    ("i16x8.add_sat_s", "v128 v128 -> v128"),
    ("i16x8.add_sat_u", "v128 v128 -> v128"),
    ("i16x8.sub", "v128 v128 -> v128"),
    ("i16x8.sub_sat_s", "v128 v128 -> v128"),
    ("i16x8.sub_sat_u", "v128 v128 -> v128"),
    ("f64x2.nearest", "v128 -> v128"),
    ("i16x8.mul", "v128 v128 -> v128"),
    ("i16x8.min_s", "v128 v128 -> v128"),
    ("i16x8.min_u", "v128 v128 -> v128"),
    ("i16x8.max_s", "v128 v128 -> v128"),
    ("i16x8.max_u", "v128 v128 -> v128"),
    ("i16x8.avgr_u", "v128 v128 -> v128"),
    ("i16x8.extmul_low_i8x16_s", "v128 v128 -> v128"),
    ("i16x8.extmul_high_i8x16_s", "v128 v128 -> v128"),
    ("i16x8.extmul_low_i8x16_u", "v128 v128 -> v128"),
    ("i16x8.extmul_high_i8x16_u", "v128 v128 -> v128"),
    ("i32x4.abs", "v128 -> v128"),
    ("i32x4.neg", "v128 -> v128"),
    ("i32x4.all_true", "v128 -> i32"),
    ("i32x4.bitmask", "v128 -> i32"),
    ("i32x4.extend_low_i16x8_s", "v128 -> v128"),
    ("i32x4.extend_high_i16x8_s", "v128 -> v128"),
    ("i32x4.extend_low_i16x8_u", "v128 -> v128"),
    ("i32x4.extend_high_i16x8_u", "v128 -> v128"),
    ("i32x4.shl", "v128 i32 -> v128"),
    ("i32x4.shr_s", "v128 i32 -> v128"),
    ("i32x4.shr_u", "v128 i32 -> v128"),
    ("i32x4.add", "v128 v128 -> v128"),
    ("i32x4.sub", "v128 v128 -> v128"),
    ("i32x4.mul", "v128 v128 -> v128"),
    ("i32x4.min_s", "v128 v128 -> v128"),
    ("i32x4.min_u", "v128 v128 -> v128"),
    ("i32x4.max_s", "v128 v128 -> v128"),
    ("i32x4.max_u", "v128 v128 -> v128"),
    ("i32x4.dot_i16x8_s", "v128 v128 -> v128"),
    ("i32x4.extmul_low_i16x8_s", "v128 v128 -> v128"),
    ("i32x4.extmul_high_i16x8_s", "v128 v128 -> v128"),
    ("i32x4.extmul_low_i16x8_u", "v128 v128 -> v128"),
    ("i32x4.extmul_high_i16x8_u", "v128 v128 -> v128"),
    ("i64x2.abs", "v128 -> v128"),
    ("i64x2.neg", "v128 -> v128"),
    ("i64x2.all_true", "v128 -> i32"),
    ("i64x2.bitmask", "v128 -> i32"),
    ("i64x2.extend_low_i32x4_s", "v128 -> v128"),
    ("i64x2.extend_high_i32x4_s", "v128 -> v128"),
    ("i64x2.extend_low_i32x4_u", "v128 -> v128"),
    ("i64x2.extend_high_i32x4_u", "v128 -> v128"),
    ("i64x2.shl", "v128 i32 -> v128"),
    ("i64x2.shr_s", "v128 i32 -> v128"),
    ("i64x2.shr_u", "v128 i32 -> v128"),
    ("i64x2.add", "v128 v128 -> v128"),
    ("i64x2.sub", "v128 v128 -> v128"),
    ("i64x2.mul", "v128 v128 -> v128"),
    ("i64x2.eq", "v128 v128 -> v128"),
    ("i64x2.ne", "v128 v128 -> v128"),
    ("i64x2.lt_s", "v128 v128 -> v128"),
    ("i64x2.gt_s", "v128 v128 -> v128"),
    ("i64x2.le_s", "v128 v128 -> v128"),
    ("i64x2.ge_s", "v128 v128 -> v128"),
    ("i64x2.extmul_low_i32x4_s", "v128 v128 -> v128"),
    ("i64x2.extmul_high_i32x4_s", "v128 v128 -> v128"),
    ("i64x2.extmul_low_i32x4_u", "v128 v128 -> v128"),
    ("i64x2.extmul_high_i32x4_u", "v128 v128 -> v128"),
    ("f32x4.abs", "v128 -> v128"),
    ("f32x4.neg", "v128 -> v128"),
    ("f32x4.sqrt", "v128 -> v128"),
    ("f32x4.add", "v128 v128 -> v128"),
    ("f32x4.sub", "v128 v128 -> v128"),
    ("f32x4.mul", "v128 v128 -> v128"),
    ("f32x4.div", "v128 v128 -> v128"),
    ("f32x4.min", "v128 v128 -> v128"),
    ("f32x4.max", "v128 v128 -> v128"),
    ("f32x4.pmin", "v128 v128 -> v128"),
    ("f32x4.pmax", "v128 v128 -> v128"),
    ("f64x2.abs", "v128 -> v128"),
    ("f64x2.neg", "v128 -> v128"),
    ("f64x2.sqrt", "v128 -> v128"),
    ("f64x2.add", "v128 v128 -> v128"),
    ("f64x2.sub", "v128 v128 -> v128"),
    ("f64x2.mul", "v128 v128 -> v128"),
    ("f64x2.div", "v128 v128 -> v128"),
    ("f64x2.min", "v128 v128 -> v128"),
    ("f64x2.max", "v128 v128 -> v128"),
    ("f64x2.pmin", "v128 v128 -> v128"),
    ("f64x2.pmax", "v128 v128 -> v128"),
    ("i32x4.trunc_sat_f32x4_s", "v128 -> v128"),
    ("i32x4.trunc_sat_f32x4_u", "v128 -> v128"),
    ("f32x4.convert_i32x4_s", "v128 -> v128"),
    ("f32x4.convert_i32x4_u", "v128 -> v128"),
    ("i32x4.trunc_sat_f64x2_s_zero", "v128 -> v128"),
    ("i32x4.trunc_sat_f64x2_u_zero", "v128 -> v128"),
    ("f64x2.convert_low_i32x4_s", "v128 -> v128"),
    ("f64x2.convert_low_i32x4_u", "v128 -> v128"),
]

LANES = {"i8x16": 16, "i16x8": 8, "i32x4": 4, "i64x2": 2, "f32x4": 4, "f64x2": 2}
MEMORY_BYTES = {"v128.load": 16, "v128.store": 16, "v128.load8x8_s": 8, "v128.load8x8_u": 8,
                "v128.load16x4_s": 8, "v128.load16x4_u": 8, "v128.load32x2_s": 8, "v128.load32x2_u": 8,
                "v128.load8_splat": 1, "v128.load16_splat": 2, "v128.load32_splat": 4, "v128.load64_splat": 8,
                "v128.load32_zero": 4, "v128.load64_zero": 8}

F32_EDGES = [0x00000000, 0x80000000, 0x3F800000, 0xBF800000, 0x7F800000, 0xFF800000, 0x7FC00000, 0xFFC00000,
             0x7FA00001, 0x7F800001, 0x00000001, 0x807FFFFF, 0x4F000000, 0xCF000000, 0x4F800000, 0x3F000000,
             0x3FC00000, 0xC0200000, 0x4B000001, 0x4AFFFFFF, 0x7F7FFFFF, 0x5F000000]
F64_EDGES = [0, 0x8000000000000000, 0x3FF0000000000000, 0xBFF0000000000000, 0x7FF0000000000000,
             0xFFF0000000000000, 0x7FF8000000000000, 0xFFF8000000000000, 0x7FF4000000000001, 0x0000000000000001,
             0x41E0000000000000, 0xC1E0000000000000, 0x41F0000000000000, 0x3FE0000000000000,
             0x4330000000000001, 0x432FFFFFFFFFFFFF, 0x41DFFFFFFFC00000, 0xC1E0000000200000, 0x7FEFFFFFFFFFFFFF]


# Operations whose NaN results may have any payload (not the sign operations and pmin/pmax, which
# move bits exactly), and the shape of their results.
NAN_PAYLOADS = {
    f"{shape}.{op}": shape for shape in ("f32x4", "f64x2")
    for op in ("add", "sub", "mul", "div", "sqrt", "min", "max", "ceil", "floor", "trunc", "nearest")
}
NAN_PAYLOADS["f32x4.demote_f64x2_zero"] = "f32x4"
NAN_PAYLOADS["f64x2.promote_low_f32x4"] = "f64x2"
CANONICAL_NAN = {"f32x4": "(v128.const i32x4 0x7fc00000 0x7fc00000 0x7fc00000 0x7fc00000)",
                 "f64x2": "(v128.const i64x2 0x7ff8000000000000 0x7ff8000000000000)"}


def _signature(text):
    params, result = text.split("->")
    return params.split(), result.split()


class Program:
    def __init__(self, rng):
        self.rng = rng
        self.producers = {}
        for name, text in OPERATIONS:
            if name == "v128.const":
                continue
            params, results = _signature(text)
            self.producers.setdefault(results[0] if results else None, []).append((name, params))

    # --- leaves ------------------------------------------------------------------------------

    def lane_bits(self, width):
        rng = self.rng
        choice = rng.random()
        if width == 32 and choice < 0.35:
            return rng.choice(F32_EDGES)
        if width == 64 and choice < 0.35:
            return rng.choice(F64_EDGES)
        if choice < 0.6:
            top = (1 << width) - 1
            return rng.choice([0, 1, 2, top, top >> 1, (top >> 1) + 1, (top >> 1) - 1, 0x80, 0x7F, 0xFF, 0x8000,
                               0x7FFF, 0xFFFF, 3, 100, 200]) & top
        return rng.getrandbits(width)

    def vector_constant(self):
        width = self.rng.choice([8, 16, 32, 64])
        count = 128 // width
        lanes = [self.lane_bits(width) for _ in range(count)]
        shape = {8: "i8x16", 16: "i16x8", 32: "i32x4", 64: "i64x2"}[width]
        return f"(v128.const {shape} " + " ".join(str(v) for v in lanes) + ")"

    def address(self, size):
        rng = self.rng
        if rng.random() < 0.03:
            return f"(i32.const {65536 - size + rng.randint(1, size + 8)})"
        return f"(i32.const {rng.randint(0, 240)})"

    def leaf(self, kind):
        rng = self.rng
        if kind == "v128":
            if rng.random() < 0.15:
                return f"(v128.load {self.address(16)})"
            return self.vector_constant()
        if kind in ("i32", "i64"):
            width = int(kind[1:])
            bits = self.lane_bits(width)
            return f"({kind}.const {bits - (1 << width) if bits >> (width - 1) else bits})"
        if kind == "f32":
            return f"(f32.reinterpret_i32 (i32.const {self.lane_bits(32)}))"
        if kind == "f64":
            return f"(f64.reinterpret_i64 (i64.const {self.lane_bits(64)}))"
        raise ValueError(kind)

    # --- expressions ---------------------------------------------------------------------------

    def expression(self, kind, depth):
        rng = self.rng
        if depth <= 0 or rng.random() < 0.2 or kind not in self.producers:
            return self.leaf(kind)
        name, params = rng.choice(self.producers[kind])
        return self.apply(name, params, depth)

    def apply(self, name, params, depth):
        rng = self.rng
        shape = name.split(".")[0]
        immediates = ""
        operands = []
        if name in MEMORY_BYTES or "_lane" in name and ("load" in name or "store" in name):
            size = MEMORY_BYTES.get(name) or int(name.split("load")[-1].split("store")[-1].split("_")[0]) // 8
            offset = rng.choice([0, 0, 0, 1, 3, 8, 16])
            immediates = f" offset={offset}" if offset else ""
            if "_lane" in name:
                immediates += f" {rng.randrange(16 // size)}"
            operands.append(self.address(size + offset))
            operands += [self.expression(p, depth - 1) for p in params[1:]]
        else:
            if "extract_lane" in name or "replace_lane" in name:
                immediates = f" {rng.randrange(LANES[shape])}"
            elif name == "i8x16.shuffle":
                immediates = " " + " ".join(str(rng.randrange(32)) for _ in range(16))
            operands = [self.expression(p, depth - 1) for p in params]
        text = f"({name}{immediates} " + " ".join(operands) + ")"
        shape = NAN_PAYLOADS.get(name)
        if shape is None:
            return text
        local = f"$t{self.temporaries}"
        self.temporaries += 1
        return (f"(v128.bitselect {CANONICAL_NAN[shape]} (local.tee {local} {text})"
                f" ({shape}.ne (local.get {local}) (local.get {local})))")

    def statement(self):
        """A store, or nothing: what the logged expression may then read back."""
        rng = self.rng
        stores = [(n, p) for n, p in self.producers[None]]
        name, params = rng.choice(stores)
        return self.apply(name, params, 2)

    def function(self, index):
        rng = self.rng
        self.temporaries = 0
        kind = rng.choice(["v128"] * 6 + ["i32", "i64", "f32", "f64"])
        body = []
        if rng.random() < 0.3:
            body.append("  " + self.statement())
        depth = rng.randint(1, 4)
        if kind == "v128":
            name, params = rng.choice(self.producers[kind])
            body.append(f"  (local.set $v {self.apply(name, params, depth)})")
            body.append("  (call $log_v128 (i64x2.extract_lane 0 (local.get $v)) (i64x2.extract_lane 1 (local.get $v)))")
        else:
            name, params = rng.choice(self.producers[kind])
            body.append(f"  (call $log_{kind} {self.apply(name, params, depth)})")
        temporaries = "".join(f" (local $t{k} v128)" for k in range(self.temporaries))
        return f' (func (export "f{index}") (local $v v128){temporaries}\n' + "\n".join(body) + ")"

    def module(self, functions=24):
        data = bytes(self.rng.getrandbits(8) for _ in range(256))
        escaped = "".join(f"\\{b:02x}" for b in data)
        lines = [
            "(module",
            ' (import "fuzzing-support" "log-i32" (func $log_i32 (param i32)))',
            ' (import "fuzzing-support" "log-i64" (func $log_i64 (param i64)))',
            ' (import "fuzzing-support" "log-f32" (func $log_f32 (param f32)))',
            ' (import "fuzzing-support" "log-f64" (func $log_f64 (param f64)))',
            ' (import "fuzzing-support" "log-v128-as-i64x2" (func $log_v128 (param i64 i64)))',
            " (memory 1)",
            f' (data (i32.const 0) "{escaped}")',
        ]
        lines += [self.function(k) for k in range(functions)]
        return "\n".join(lines) + ")\n"


def generate(rng):
    return Program(rng).module()
