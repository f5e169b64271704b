// Shared by every workload. The workloads are freestanding (no libc), so the fixed-width types
// come from the compiler's predefined macros; the same sources also build natively for calibration.
#ifndef BENCH_H
#define BENCH_H

typedef __UINT8_TYPE__ u8;
typedef __UINT16_TYPE__ u16;
typedef __UINT32_TYPE__ u32;
typedef __UINT64_TYPE__ u64;
typedef __INT16_TYPE__ i16;
typedef __INT32_TYPE__ i32;
typedef __INT64_TYPE__ i64;

// Keeps a call a real call, so that call-heavy workloads measure calls.
#define NOINLINE __attribute__((noinline))

// Inputs read through a volatile so that clang cannot fold a whole workload into a constant.
#define OPAQUE(x) (*(volatile __typeof__(x) *)&(x))

// A small deterministic generator (Numerical Recipes LCG) for test data.
static inline u32 lcg_next(u32 *state) {
    *state = *state * 1664525u + 1013904223u;
    return *state;
}

// Doubles are checked by their exact bits: wasm f64 arithmetic is IEEE-exact, so any deviation is a bug.
static inline u64 f64_bits(double value) {
    union { double d; u64 u; } pun = { value };
    return pun.u;
}

#endif
