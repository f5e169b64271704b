// A CoreMark-like mixed workload (our own code, not EEMBC's): linked-list search, reversal and
// merge sort with comparator callbacks; 16-bit integer matrix operations; a number-scanning
// state machine over text; all of it folded into a bit-wise CRC-16.
#include "bench.h"

#define ITERATIONS 1800
#define LIST_NODES 256
#define MATRIX_N 20
#define TEXT_BYTES 512

static u32 iterations = ITERATIONS;
static u32 seed = 0x66;

// ---- CRC-16 (CCITT polynomial, bit by bit as small embedded code does it) ----

static u16 crc16_byte(u8 data, u16 crc) {
    crc ^= (u16)data << 8;
    for (u32 bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? (u16)(crc << 1) ^ 0x1021 : (u16)(crc << 1);
    return crc;
}

static u16 crc16_u32(u32 value, u16 crc) {
    crc = crc16_byte((u8)value, crc);
    crc = crc16_byte((u8)(value >> 8), crc);
    crc = crc16_byte((u8)(value >> 16), crc);
    return crc16_byte((u8)(value >> 24), crc);
}

// ---- Linked list ----

typedef struct Node { struct Node *next; i16 value; u16 index; } Node;
typedef i32 (*Compare)(const Node *, const Node *);

static Node pool[LIST_NODES];

static NOINLINE i32 compare_value(const Node *a, const Node *b) { return a->value - b->value; }
static NOINLINE i32 compare_index(const Node *a, const Node *b) { return (i32)a->index - (i32)b->index; }

static Node *list_build(u32 *state) {
    for (u32 i = 0; i < LIST_NODES; i++) {
        pool[i].value = (i16)(lcg_next(state) >> 20) - 2048;
        pool[i].index = (u16)i;
        pool[i].next = i + 1 < LIST_NODES ? &pool[i + 1] : 0;
    }
    return &pool[0];
}

static Node *list_reverse(Node *list) {
    Node *reversed = 0;
    while (list) { Node *next = list->next; list->next = reversed; reversed = list; list = next; }
    return reversed;
}

static u32 list_find(const Node *list, i16 value) {
    u32 steps = 0;
    for (; list; list = list->next, steps++)
        if (list->value == value) return steps;
    return 0xffff;
}

// Bottom-up merge sort, stable, in O(1) extra space, as CoreMark's list sort is.
static Node *list_sort(Node *list, Compare compare) {
    for (u32 width = 1;; width *= 2) {
        Node *p = list, *tail = 0;
        list = 0;
        u32 merges = 0;
        while (p) {
            merges++;
            Node *q = p;
            u32 p_size = 0;
            for (u32 i = 0; i < width && q; i++) { p_size++; q = q->next; }
            u32 q_size = width;
            while (p_size > 0 || (q_size > 0 && q)) {
                Node *e;
                if (p_size == 0) { e = q; q = q->next; q_size--; }
                else if (q_size == 0 || !q || compare(p, q) <= 0) { e = p; p = p->next; p_size--; }
                else { e = q; q = q->next; q_size--; }
                if (tail) tail->next = e; else list = e;
                tail = e;
            }
            p = q;
        }
        tail->next = 0;
        if (merges <= 1) return list;
    }
}

static u16 list_bench(Node **list, u32 iteration, u16 crc) {
    for (u32 i = 0; i < 8; i++)
        crc = crc16_u32(list_find(*list, (i16)((iteration * 37 + i * 501) % 4096) - 2048), crc);
    *list = list_reverse(*list);
    *list = list_sort(*list, compare_value);
    for (const Node *n = *list; n; n = n->next) crc = crc16_u32((u32)(u16)n->value, crc);
    // Perturbs the data so that each iteration sorts something new.
    for (Node *n = *list; n; n = n->next) n->value = (i16)(n->value * 5 + (i16)iteration) % 2048;
    *list = list_sort(*list, compare_index);
    return crc16_u32((u32)(*list)->next->value, crc);
}

// ---- Matrix ----

static i16 matrix_a[MATRIX_N][MATRIX_N], matrix_b[MATRIX_N][MATRIX_N];
static i32 matrix_c[MATRIX_N][MATRIX_N];
static i16 vector[MATRIX_N];

static void matrix_init(u32 *state) {
    for (u32 i = 0; i < MATRIX_N; i++) {
        vector[i] = (i16)(lcg_next(state) >> 24);
        for (u32 j = 0; j < MATRIX_N; j++) {
            matrix_a[i][j] = (i16)(lcg_next(state) >> 22) - 512;
            matrix_b[i][j] = (i16)(lcg_next(state) >> 22) - 512;
        }
    }
}

// Sums the result with a running-limit rule, so that the loop has data-dependent branches.
static u16 matrix_sum(i32 clip) {
    i32 sum = 0, previous = 0;
    u16 result = 0;
    for (u32 i = 0; i < MATRIX_N; i++)
        for (u32 j = 0; j < MATRIX_N; j++) {
            i32 value = matrix_c[i][j];
            sum = (i32)((u32)sum + (u32)value);  // wraps rather than overflowing
            if (sum > clip) { result += 10; sum = 0; }
            else result += value > previous ? 1 : 0;
            previous = value;
        }
    return result;
}

static u16 matrix_bench(u32 iteration, u16 crc) {
    i16 constant = (i16)(iteration & 0xff) - 100;
    for (u32 i = 0; i < MATRIX_N; i++)
        for (u32 j = 0; j < MATRIX_N; j++) matrix_a[i][j] += constant;
    for (u32 i = 0; i < MATRIX_N; i++)
        for (u32 j = 0; j < MATRIX_N; j++) matrix_c[i][j] = (i32)matrix_a[i][j] * constant;
    crc = crc16_u32(matrix_sum(10000), crc);
    for (u32 i = 0; i < MATRIX_N; i++) {
        i32 dot = 0;
        for (u32 j = 0; j < MATRIX_N; j++) dot += (i32)matrix_a[i][j] * vector[j];
        matrix_c[i][0] = dot;
    }
    crc = crc16_u32(matrix_sum(20000), crc);
    for (u32 i = 0; i < MATRIX_N; i++)
        for (u32 j = 0; j < MATRIX_N; j++) {
            i32 dot = 0;
            for (u32 k = 0; k < MATRIX_N; k++) dot += (i32)matrix_a[i][k] * matrix_b[k][j];
            matrix_c[i][j] = dot;
        }
    crc = crc16_u32(matrix_sum(100000), crc);
    for (u32 i = 0; i < MATRIX_N; i++)
        for (u32 j = 0; j < MATRIX_N; j++) {
            i32 dot = 0;
            for (u32 k = 0; k < MATRIX_N; k++) {
                i32 product = (i32)matrix_a[i][k] * matrix_b[k][j];
                dot += ((product >> 2) & 0xf) * ((product >> 5) & 0x7f);
            }
            matrix_c[i][j] = dot;
        }
    crc = crc16_u32(matrix_sum(50000), crc);
    // Undoes the constant so that every iteration starts from bounded values.
    for (u32 i = 0; i < MATRIX_N; i++)
        for (u32 j = 0; j < MATRIX_N; j++) matrix_a[i][j] -= constant;
    return crc;
}

// ---- State machine ----

enum State { START, SIGN, INTEGER, POINT, FRACTION, EXPONENT, EXPONENT_SIGN, SCIENTIFIC, INVALID, STATE_COUNT };

static u8 text[TEXT_BYTES];
static const char *const samples[] = {"5012", "1234", "-874", "+122", "35.54", ".1234", "-110.7", "+0.64",
                                      "5.5e+3", "-.123e-2", "-87e+832", "+0.6e-12", "T0.3e-1F", "-T.T++Tq", "1T3.4e4z", "34.0e-T^"};

static void text_init(u32 *state) {
    u32 at = 0;
    while (at < TEXT_BYTES - 12) {
        const char *sample = samples[lcg_next(state) >> 28];
        while (*sample) text[at++] = (u8)*sample++;
        text[at++] = ',';
    }
    while (at < TEXT_BYTES) text[at++] = 0;
}

static inline u32 is_digit(u8 c) { return c >= '0' && c <= '9'; }

static enum State next_state(enum State state, u8 c) {
    switch (state) {
    case START:
        if (is_digit(c)) return INTEGER;
        if (c == '+' || c == '-') return SIGN;
        if (c == '.') return POINT;
        return INVALID;
    case SIGN:
        if (is_digit(c)) return INTEGER;
        if (c == '.') return POINT;
        return INVALID;
    case INTEGER:
        if (is_digit(c)) return INTEGER;
        if (c == '.') return POINT;
        if (c == 'e' || c == 'E') return EXPONENT;
        return INVALID;
    case POINT:
    case FRACTION:
        if (is_digit(c)) return FRACTION;
        if (c == 'e' || c == 'E') return EXPONENT;
        return INVALID;
    case EXPONENT:
        if (c == '+' || c == '-') return EXPONENT_SIGN;
        return is_digit(c) ? SCIENTIFIC : INVALID;
    case EXPONENT_SIGN:
    case SCIENTIFIC:
        return is_digit(c) ? SCIENTIFIC : INVALID;
    default:
        return INVALID;
    }
}

static u16 state_bench(u32 iteration, u16 crc) {
    u32 final_counts[STATE_COUNT] = {0}, transitions[STATE_COUNT] = {0};
    enum State state = START;
    for (u32 i = 0; i < TEXT_BYTES && text[i]; i++) {
        u8 c = text[i];
        if (c == ',') { final_counts[state]++; state = START; continue; }
        enum State next = next_state(state, c);
        if (next != state) transitions[next]++;
        state = next;
    }
    for (u32 s = 0; s < STATE_COUNT; s++) crc = crc16_u32(final_counts[s] << 16 | transitions[s], crc);
    // Flips a bit in some characters (a later iteration may flip it back) so that the scan's path changes.
    u32 stride = 5 + iteration % 7;
    for (u32 i = iteration % stride; i < TEXT_BYTES; i += stride)
        if (text[i] != ',' && text[i]) text[i] ^= 0x01;
    return crc;
}

u32 run(void) {
    u32 state = OPAQUE(seed);
    Node *list = list_build(&state);
    matrix_init(&state);
    text_init(&state);
    u16 crc = 0;
    u32 n = OPAQUE(iterations);
    for (u32 iteration = 0; iteration < n; iteration++) {
        crc = list_bench(&list, iteration, crc);
        crc = matrix_bench(iteration, crc);
        crc = state_bench(iteration, crc);
    }
    return crc;
}
