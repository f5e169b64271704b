// A small LZ77 compressor: generates text from a fixed seed, compresses it with a hash-chain
// matcher, decompresses it, checks the round trip and prints sizes and CRC-32s. Built natively
// too (build.sh), so the test can compare the wasm run with the native output in compress.expected.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WINDOW 4096
#define MIN_MATCH 3
#define MAX_MATCH 258
#define HASH_BITS 12

static uint32_t crc_table[256];

static void crc_init(void) {
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc_table[n] = c;
    }
}

static uint32_t crc32(const uint8_t *data, size_t length) {
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < length; i++) c = crc_table[(c ^ data[i]) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

static uint32_t seed;
static uint32_t next_random(void) {
    seed = seed * 1103515245u + 12345u;
    return seed >> 8;
}

// Words drawn from a small vocabulary, so the text repeats the way prose does.
static size_t generate(uint8_t *out, size_t length) {
    static const char *words[] = {"the", "spirit", "loa", "runs", "in", "a", "sandbox", "with",
                                  "capabilities", "granted", "by", "host", "memory", "of", "wasm"};
    size_t n = 0;
    while (n < length) {
        const char *word = words[next_random() % 15];
        for (const char *c = word; *c && n < length; c++) out[n++] = (uint8_t)*c;
        if (n < length) out[n++] = next_random() % 11 == 0 ? '\n' : ' ';
    }
    return n;
}

static uint32_t hash3(const uint8_t *p) {
    return ((uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2]) * 2654435761u >> (32 - HASH_BITS);
}

// Output tokens: 0x00 len byte (literal run follows, 1..128), or 0x01 offset16 length16.
static size_t compress(const uint8_t *in, size_t length, uint8_t *out) {
    static int32_t head[1 << HASH_BITS];
    static int32_t chain[1 << 20];
    for (int i = 0; i < (1 << HASH_BITS); i++) head[i] = -1;
    size_t o = 0, literal_start = 0, i = 0;
    while (i < length) {
        size_t best_length = 0, best_offset = 0;
        if (i + MIN_MATCH <= length) {
            uint32_t h = hash3(in + i);
            int32_t candidate = head[h];
            for (int tries = 0; candidate >= 0 && i - candidate <= WINDOW && tries < 32; tries++) {
                size_t l = 0;
                while (l < MAX_MATCH && i + l < length && in[candidate + l] == in[i + l]) l++;
                if (l > best_length) {
                    best_length = l;
                    best_offset = i - candidate;
                }
                candidate = chain[candidate];
            }
            chain[i] = head[h];
            head[h] = (int32_t)i;
        }
        if (best_length >= MIN_MATCH) {
            while (literal_start < i) {
                size_t run = i - literal_start > 128 ? 128 : i - literal_start;
                out[o++] = 0;
                out[o++] = (uint8_t)(run - 1);
                memcpy(out + o, in + literal_start, run);
                o += run;
                literal_start += run;
            }
            out[o++] = 1;
            out[o++] = (uint8_t)(best_offset >> 8);
            out[o++] = (uint8_t)best_offset;
            out[o++] = (uint8_t)(best_length >> 8);
            out[o++] = (uint8_t)best_length;
            for (size_t k = 1; k < best_length; k++) {
                if (i + k + MIN_MATCH <= length) {
                    uint32_t h = hash3(in + i + k);
                    chain[i + k] = head[h];
                    head[h] = (int32_t)(i + k);
                }
            }
            i += best_length;
            literal_start = i;
        } else {
            i++;
        }
    }
    while (literal_start < length) {
        size_t run = length - literal_start > 128 ? 128 : length - literal_start;
        out[o++] = 0;
        out[o++] = (uint8_t)(run - 1);
        memcpy(out + o, in + literal_start, run);
        o += run;
        literal_start += run;
    }
    return o;
}

static size_t decompress(const uint8_t *in, size_t length, uint8_t *out) {
    size_t i = 0, o = 0;
    while (i < length) {
        if (in[i] == 0) {
            size_t run = (size_t)in[i + 1] + 1;
            memcpy(out + o, in + i + 2, run);
            o += run;
            i += 2 + run;
        } else {
            size_t offset = (size_t)in[i + 1] << 8 | in[i + 2];
            size_t match = (size_t)in[i + 3] << 8 | in[i + 4];
            for (size_t k = 0; k < match; k++, o++) out[o] = out[o - offset];
            i += 5;
        }
    }
    return o;
}

int main(int argc, char **argv) {
    crc_init();
    int failures = 0;
    const size_t sizes[] = {1000, 50000, 400000};
    for (int s = 0; s < 3; s++) {
        seed = 42u + (uint32_t)s;
        size_t length = sizes[s];
        uint8_t *text = malloc(length), *packed = malloc(length * 2 + 16), *unpacked = malloc(length);
        generate(text, length);
        size_t packed_length = compress(text, length, packed);
        size_t unpacked_length = decompress(packed, packed_length, unpacked);
        int ok = unpacked_length == length && memcmp(text, unpacked, length) == 0;
        failures += !ok;
        printf("%u bytes -> %u bytes (%u.%u%%), crc %08x packed crc %08x, round trip %s\n", (unsigned)length,
               (unsigned)packed_length, (unsigned)(packed_length * 100 / length),
               (unsigned)(packed_length * 1000 / length % 10), crc32(text, length), crc32(packed, packed_length),
               ok ? "ok" : "FAILED");
        free(text);
        free(packed);
        free(unpacked);
    }
    for (int i = 1; i < argc; i++) printf("arg %s\n", argv[i]);
    return failures;
}
