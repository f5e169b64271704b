// 128-bit SIMD, written with wasm_simd128.h: what codecs and ML kernels run. An 8-bit image is
// blurred (widening to i16x8, narrowing back with saturation) and blended (saturating adds,
// rounding averages); a small f32 neural-network layer multiplies a matrix by a vector
// (f32x4 multiply-adds, a ReLU by pmax); an i32x4 hash mixes lanes (multiplies, shifts, shuffles).
#include "bench.h"
#include <wasm_simd128.h>

#define WIDTH 256
#define HEIGHT 256
#define ROWS 256
#define COLS 256
#define REPEAT 10

static u8 image[HEIGHT][WIDTH], blurred[HEIGHT][WIDTH], overlay[HEIGHT][WIDTH];
static float weights[ROWS][COLS], input[COLS], output[ROWS];
static u32 seed = 11;

// Horizontal 3-tap blur, (a + 2b + c) / 4 per pixel, 16 pixels at a time.
static void blur(void) {
    for (u32 y = 0; y < HEIGHT; y++) {
        blurred[y][0] = image[y][0];
        for (u32 x = 1; x + 17 <= WIDTH; x += 16) {
            v128_t left = wasm_v128_load(&image[y][x - 1]);
            v128_t mid = wasm_v128_load(&image[y][x]);
            v128_t right = wasm_v128_load(&image[y][x + 1]);
            v128_t lo = wasm_i16x8_add(
                wasm_i16x8_add(wasm_u16x8_extend_low_u8x16(left), wasm_u16x8_extend_low_u8x16(right)),
                wasm_i16x8_shl(wasm_u16x8_extend_low_u8x16(mid), 1));
            v128_t hi = wasm_i16x8_add(
                wasm_i16x8_add(wasm_u16x8_extend_high_u8x16(left), wasm_u16x8_extend_high_u8x16(right)),
                wasm_i16x8_shl(wasm_u16x8_extend_high_u8x16(mid), 1));
            lo = wasm_u16x8_shr(wasm_i16x8_add(lo, wasm_i16x8_splat(2)), 2);
            hi = wasm_u16x8_shr(wasm_i16x8_add(hi, wasm_i16x8_splat(2)), 2);
            wasm_v128_store(&blurred[y][x], wasm_u8x16_narrow_i16x8(lo, hi));
        }
        for (u32 x = WIDTH - 16; x < WIDTH; x++) blurred[y][x] = image[y][x];
    }
}

// Brightens the blurred image with saturation and averages it with an overlay.
static u32 blend(u8 brightness) {
    v128_t add = wasm_u8x16_splat(brightness);
    v128_t sum = wasm_i32x4_splat(0);
    for (u32 y = 0; y < HEIGHT; y++)
        for (u32 x = 0; x < WIDTH; x += 16) {
            v128_t pixel = wasm_u8x16_add_sat(wasm_v128_load(&blurred[y][x]), add);
            v128_t mixed = wasm_u8x16_avgr(pixel, wasm_v128_load(&overlay[y][x]));
            wasm_v128_store(&image[y][x], mixed);
            // Sum of the pixels: pairwise widening adds.
            sum = wasm_i32x4_add(sum, wasm_u32x4_extadd_pairwise_u16x8(wasm_u16x8_extadd_pairwise_u8x16(mixed)));
        }
    return wasm_i32x4_extract_lane(sum, 0) + wasm_i32x4_extract_lane(sum, 1) + wasm_i32x4_extract_lane(sum, 2)
           + wasm_i32x4_extract_lane(sum, 3);
}

// output = relu(weights * input), 4 rows at a time, then the input becomes the scaled output.
static float layer(void) {
    for (u32 r = 0; r < ROWS; r += 4) {
        v128_t acc0 = wasm_f32x4_splat(0), acc1 = acc0, acc2 = acc0, acc3 = acc0;
        for (u32 c = 0; c < COLS; c += 4) {
            v128_t in = wasm_v128_load(&input[c]);
            acc0 = wasm_f32x4_add(acc0, wasm_f32x4_mul(wasm_v128_load(&weights[r][c]), in));
            acc1 = wasm_f32x4_add(acc1, wasm_f32x4_mul(wasm_v128_load(&weights[r + 1][c]), in));
            acc2 = wasm_f32x4_add(acc2, wasm_f32x4_mul(wasm_v128_load(&weights[r + 2][c]), in));
            acc3 = wasm_f32x4_add(acc3, wasm_f32x4_mul(wasm_v128_load(&weights[r + 3][c]), in));
        }
        // Transpose-add the four accumulators into one vector of four row sums.
        v128_t t0 = wasm_i32x4_shuffle(acc0, acc1, 0, 4, 1, 5), t1 = wasm_i32x4_shuffle(acc0, acc1, 2, 6, 3, 7);
        v128_t t2 = wasm_i32x4_shuffle(acc2, acc3, 0, 4, 1, 5), t3 = wasm_i32x4_shuffle(acc2, acc3, 2, 6, 3, 7);
        v128_t s01 = wasm_f32x4_add(t0, t1), s23 = wasm_f32x4_add(t2, t3);
        v128_t sums = wasm_f32x4_add(wasm_i64x2_shuffle(s01, s23, 0, 2), wasm_i64x2_shuffle(s01, s23, 1, 3));
        wasm_v128_store(&output[r], wasm_f32x4_pmax(sums, wasm_f32x4_splat(0)));
    }
    v128_t total = wasm_f32x4_splat(0);
    v128_t scale = wasm_f32x4_splat(1.0f / 64.0f);
    for (u32 c = 0; c < COLS; c += 4) {
        v128_t value = wasm_v128_load(&output[c]);
        total = wasm_f32x4_add(total, value);
        wasm_v128_store(&input[c], wasm_f32x4_sub(wasm_f32x4_mul(value, scale), wasm_f32x4_splat(0.5f)));
    }
    return wasm_f32x4_extract_lane(total, 0) + wasm_f32x4_extract_lane(total, 1) + wasm_f32x4_extract_lane(total, 2)
           + wasm_f32x4_extract_lane(total, 3);
}

// Four lanes of a multiply-xorshift hash over the image, with a lane rotation each step.
static u32 hash(void) {
    v128_t h = wasm_i32x4_make(1, 2, 3, 4);
    v128_t k = wasm_i32x4_splat(0x9E3779B1);
    const v128_t *words = (const v128_t *)image;
    for (u32 i = 0; i < HEIGHT * WIDTH / 16; i++) {
        h = wasm_v128_xor(h, wasm_v128_load(&words[i]));
        h = wasm_i32x4_mul(h, k);
        h = wasm_v128_xor(h, wasm_u32x4_shr(h, 15));
        h = wasm_i32x4_shuffle(h, h, 1, 2, 3, 0);
    }
    return wasm_i32x4_extract_lane(h, 0) ^ wasm_i32x4_extract_lane(h, 1) ^ wasm_i32x4_extract_lane(h, 2)
           ^ wasm_i32x4_extract_lane(h, 3);
}

u32 run(void) {
    u32 state = OPAQUE(seed);
    for (u32 y = 0; y < HEIGHT; y++)
        for (u32 x = 0; x < WIDTH; x++) {
            image[y][x] = (u8)(lcg_next(&state) >> 24);
            overlay[y][x] = (u8)(lcg_next(&state) >> 24);
        }
    for (u32 r = 0; r < ROWS; r++)
        for (u32 c = 0; c < COLS; c++) weights[r][c] = (float)(lcg_next(&state) >> 20) / 4096.0f - 0.5f;
    for (u32 c = 0; c < COLS; c++) input[c] = (float)(lcg_next(&state) >> 24) / 256.0f;
    u32 checksum = 0;
    for (u32 r = 0; r < REPEAT; r++) {
        blur();
        checksum = checksum * 31 + blend((u8)(r * 7));
        float total = layer();
        union { float f; u32 u; } pun = { total };
        checksum = checksum * 31 + pun.u;
        checksum = checksum * 31 + hash();
    }
    return checksum;
}
