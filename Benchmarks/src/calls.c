// Call-heavy code: small functions called directly and through a function-pointer table
// (call_indirect), with the target chosen by the data so that clang cannot devirtualize it.
#include "bench.h"

#define ITERATIONS 18000000

typedef u32 (*Operation)(u32, u32);

static NOINLINE u32 op_add(u32 a, u32 b) { return a + b; }
static NOINLINE u32 op_sub(u32 a, u32 b) { return a - b + 7; }
static NOINLINE u32 op_xor(u32 a, u32 b) { return a ^ (b * 3); }
static NOINLINE u32 op_mul(u32 a, u32 b) { return a * (b | 1); }
static NOINLINE u32 op_rotl(u32 a, u32 b) { return a << (b & 31) | a >> ((32 - b) & 31); }
static NOINLINE u32 op_mix(u32 a, u32 b) { return (a ^ b) * 0x45d9f3b; }
static NOINLINE u32 op_min(u32 a, u32 b) { return a < b ? a + 1 : b + 3; }
static NOINLINE u32 op_shift(u32 a, u32 b) { return (a >> 3) + (b << 2); }

static Operation table[8] = {op_add, op_sub, op_xor, op_mul, op_rotl, op_mix, op_min, op_shift};
static u32 iterations = ITERATIONS;

// A direct call with several parameters, around each indirect one.
static NOINLINE u32 step(u32 accumulator, u32 i, u32 salt) {
    Operation operation = table[(accumulator ^ i) & 7];
    return operation(accumulator, i + salt);
}

u32 run(void) {
    u32 n = OPAQUE(iterations);
    u32 accumulator = 1;
    for (u32 i = 0; i < n; i++) accumulator = step(accumulator, i, accumulator >> 28);
    return accumulator;
}
