// Sieve of Eratosthenes over a byte array: byte loads and stores in tight loops.
#include "bench.h"

#define LIMIT 1000000
#define REPEAT 36

static u32 limit = LIMIT;

static u8 composite[LIMIT + 1];

static u32 count_primes(u32 limit) {
    for (u32 i = 0; i <= limit; i++) composite[i] = 0;
    u32 count = 0;
    for (u32 i = 2; i <= limit; i++) {
        if (composite[i]) continue;
        count++;
        for (u32 k = i * 2; k <= limit; k += i) composite[k] = 1;
    }
    return count;
}

u32 run(void) {
    u32 total = 0;
    for (u32 r = 0; r < REPEAT; r++) total += count_primes(OPAQUE(limit) - r);
    return total;
}
