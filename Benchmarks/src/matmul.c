// Dense double-precision matrix multiply: f64 loads, multiply-add chains, nested loops.
#include "bench.h"

#define N 256
#define REPEAT 6

static double a[N][N], b[N][N], c[N][N];
static u32 seed = 7;

u64 run(void) {
    u32 state = OPAQUE(seed);
    for (u32 i = 0; i < N; i++)
        for (u32 j = 0; j < N; j++) {
            a[i][j] = (double)(lcg_next(&state) >> 20) / 4096.0 - 128.0;
            b[i][j] = (double)(lcg_next(&state) >> 20) / 1024.0;
        }
    double total = 0;
    for (u32 r = 0; r < REPEAT; r++) {
        for (u32 i = 0; i < N; i++)
            for (u32 j = 0; j < N; j++) {
                double sum = 0;
                for (u32 k = 0; k < N; k++) sum += a[i][k] * b[k][j];
                c[i][j] = sum;
            }
        for (u32 i = 0; i < N; i++)
            for (u32 j = 0; j < N; j++) total += c[i][j] * (double)(i + 1) - (double)j;
        a[r][r] += 1.0;  // so that each repetition computes a different product
    }
    return f64_bits(total);
}
