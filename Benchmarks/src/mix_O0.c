// A loop-and-call mix built with -O0, as debug builds are: every local lives in the shadow stack
// in linear memory, so the code is dense with local.get/local.set, loads and stores.
#include "bench.h"

#define ITERATIONS 2700
#define SIZE 1024

static u32 table[SIZE];
static u32 iterations = ITERATIONS;

static u32 fib(u32 n) {
    if (n < 2) return n;
    return fib(n - 1) + fib(n - 2);
}

static u32 gcd(u32 a, u32 b) {
    while (b != 0) {
        u32 t = a % b;
        a = b;
        b = t;
    }
    return a;
}

static u32 bubble_pass(u32 *values, u32 count) {
    u32 swaps = 0;
    for (u32 i = 1; i < count; i++) {
        if (values[i - 1] > values[i]) {
            u32 t = values[i - 1];
            values[i - 1] = values[i];
            values[i] = t;
            swaps++;
        }
    }
    return swaps;
}

u32 run(void) {
    u32 state = 1;
    for (u32 i = 0; i < SIZE; i++) table[i] = lcg_next(&state) % 100000;
    u32 checksum = 0;
    u32 n = iterations;
    for (u32 it = 0; it < n; it++) {
        checksum += fib(16 + it % 3);
        for (u32 i = 0; i < SIZE; i += 4) checksum ^= gcd(table[i] + it, table[i + 1] + 1);
        checksum += bubble_pass(table, SIZE);
        for (u32 i = 0; i < SIZE; i++) {
            u32 x = table[i];
            checksum = checksum * 31 + (x >> 3) + (x & 7) * i;
        }
    }
    return checksum;
}
