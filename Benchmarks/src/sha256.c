// SHA-256 over a generated buffer, chained over rounds: 32-bit rotates, shifts, xor, adds.
#include "bench.h"

#define MESSAGE_BYTES (64 * 1024)
#define ROUNDS 160

static const u32 k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static u8 message[MESSAGE_BYTES + 64];
static u32 seed = 12345;

static inline u32 rotr(u32 x, u32 n) { return (x >> n) | (x << (32 - n)); }

static void compress(u32 state[8], const u8 *block) {
    u32 w[64];
    for (u32 i = 0; i < 16; i++)
        w[i] = (u32)block[4 * i] << 24 | (u32)block[4 * i + 1] << 16 | (u32)block[4 * i + 2] << 8 | block[4 * i + 3];
    for (u32 i = 16; i < 64; i++) {
        u32 s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
        u32 s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    u32 a = state[0], b = state[1], c = state[2], d = state[3];
    u32 e = state[4], f = state[5], g = state[6], h = state[7];
    for (u32 i = 0; i < 64; i++) {
        u32 t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + k[i] + w[i];
        u32 t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        h = g; g = f; f = e; e = d + t1;
        d = c; c = b; b = a; a = t1 + t2;
    }
    state[0] += a; state[1] += b; state[2] += c; state[3] += d;
    state[4] += e; state[5] += f; state[6] += g; state[7] += h;
}

// Hashes `length` bytes, with the standard padding written into the buffer's spare block.
static void sha256(const u8 *data, u32 length, u32 digest[8]) {
    static const u32 iv[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                              0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    for (u32 i = 0; i < 8; i++) digest[i] = iv[i];
    u32 full = length / 64 * 64;
    for (u32 offset = 0; offset < full; offset += 64) compress(digest, data + offset);
    u8 tail[128];
    u32 rest = length - full;
    for (u32 i = 0; i < rest; i++) tail[i] = data[full + i];
    tail[rest] = 0x80;
    u32 padded = rest + 9 <= 64 ? 64 : 128;
    for (u32 i = rest + 1; i < padded - 8; i++) tail[i] = 0;
    u64 bits = (u64)length * 8;
    for (u32 i = 0; i < 8; i++) tail[padded - 1 - i] = (u8)(bits >> (8 * i));
    for (u32 offset = 0; offset < padded; offset += 64) compress(digest, tail + offset);
}

u32 run(void) {
    u32 state = OPAQUE(seed);
    for (u32 i = 0; i < MESSAGE_BYTES; i++) message[i] = (u8)(lcg_next(&state) >> 24);
    u32 digest[8];
    u32 checksum = 0;
    for (u32 round = 0; round < ROUNDS; round++) {
        sha256(message, MESSAGE_BYTES - round, digest);
        // Chains the rounds: each digest changes the next message.
        for (u32 i = 0; i < 8; i++) message[round * 8 + i] ^= (u8)digest[i];
        checksum = rotr(checksum, 5) ^ digest[0] ^ digest[7];
    }
    return checksum;
}
