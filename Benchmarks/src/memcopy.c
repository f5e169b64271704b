// Memory-bound loops over buffers larger than the caches: word copies with a transform (so that
// clang cannot turn them into memory.copy), a strided gather and a byte-wise shuffle.
#include "bench.h"

#define WORDS (1 << 20)
#define PASSES 18

static u32 source[WORDS], destination[WORDS];
static u32 seed = 99;

u32 run(void) {
    u32 state = OPAQUE(seed);
    for (u32 i = 0; i < WORDS; i++) source[i] = lcg_next(&state);
    u32 checksum = 0;
    for (u32 pass = 0; pass < PASSES; pass++) {
        u32 key = pass * 0x9e3779b9u;
        for (u32 i = 0; i < WORDS; i++) destination[i] = source[i] ^ key;
        // A stride of 1031 words touches a new cache line on every access.
        u32 index = pass;
        for (u32 i = 0; i < WORDS; i++) {
            source[i] = destination[index] + i;
            index = (index + 1031) & (WORDS - 1);
        }
        u8 *bytes = (u8 *)destination;
        const u8 *from = (const u8 *)source;
        for (u32 i = 0; i < WORDS * 4; i += 4) {
            bytes[i] = from[i + 3];
            bytes[i + 1] = from[i + 2];
            bytes[i + 2] = from[i + 1];
            bytes[i + 3] = from[i];
        }
        for (u32 i = 0; i < WORDS; i += 64) checksum = checksum * 31 + destination[i];
    }
    return checksum;
}
