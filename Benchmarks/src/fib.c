// Recursive Fibonacci: call and return overhead, little else.
#include "bench.h"

static u32 input = 38;

static NOINLINE u32 fib(u32 n) {
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

u32 run(void) {
    return fib(OPAQUE(input));
}
