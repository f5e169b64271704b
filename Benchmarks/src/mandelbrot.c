// Mandelbrot set escape counts: f64 arithmetic in registers, data-dependent loop exits.
#include "bench.h"

#define WIDTH 1280
#define HEIGHT 960
#define MAX_ITERATIONS 200

static u32 max_iterations = MAX_ITERATIONS;

u32 run(void) {
    u32 limit = OPAQUE(max_iterations);
    u32 total = 0;
    for (u32 y = 0; y < HEIGHT; y++) {
        double ci = -1.2 + 2.4 * (double)y / HEIGHT;
        for (u32 x = 0; x < WIDTH; x++) {
            double cr = -2.2 + 3.2 * (double)x / WIDTH;
            double zr = 0, zi = 0;
            u32 n = 0;
            while (n < limit && zr * zr + zi * zi <= 4.0) {
                double t = zr * zr - zi * zi + cr;
                zi = 2.0 * zr * zi + ci;
                zr = t;
                n++;
            }
            total = total * 31 + n;
        }
    }
    return total;
}
