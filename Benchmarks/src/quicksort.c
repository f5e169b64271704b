// Quicksort of pseudo-random integers: compares, swaps and recursion on array partitions.
#include "bench.h"

#define COUNT 200000
#define REPEAT 12

static u32 values[COUNT];
static u32 seed = 42;

static void insertion_sort(u32 *a, i32 n) {
    for (i32 i = 1; i < n; i++) {
        u32 v = a[i];
        i32 j = i - 1;
        while (j >= 0 && a[j] > v) { a[j + 1] = a[j]; j--; }
        a[j + 1] = v;
    }
}

static void swap(u32 *a, u32 *b) { u32 t = *a; *a = *b; *b = t; }

static void quicksort(u32 *a, i32 n) {
    while (n > 16) {
        // Median of three keeps sorted runs from degrading to quadratic time.
        i32 mid = n / 2;
        if (a[mid] < a[0]) swap(&a[mid], &a[0]);
        if (a[n - 1] < a[0]) swap(&a[n - 1], &a[0]);
        if (a[n - 1] < a[mid]) swap(&a[n - 1], &a[mid]);
        u32 pivot = a[mid];
        i32 i = 0, j = n - 1;
        for (;;) {
            while (a[i] < pivot) i++;
            while (a[j] > pivot) j--;
            if (i >= j) break;
            swap(&a[i], &a[j]);
            i++; j--;
        }
        // Recurse on the smaller side so that the stack depth stays logarithmic.
        if (j + 1 < n - j - 1) { quicksort(a, j + 1); a += j + 1; n -= j + 1; }
        else { quicksort(a + j + 1, n - j - 1); n = j + 1; }
    }
    insertion_sort(a, n);
}

u32 run(void) {
    u32 state = OPAQUE(seed);
    u32 checksum = 0;
    for (u32 r = 0; r < REPEAT; r++) {
        for (u32 i = 0; i < COUNT; i++) values[i] = lcg_next(&state) >> (r % 4 * 4);
        quicksort(values, COUNT);
        for (u32 i = 1; i < COUNT; i++)
            if (values[i - 1] > values[i]) return 0xdeadbeef;  // unsorted: the checksum fails loudly
        for (u32 i = 0; i < COUNT; i += 97) checksum = checksum * 33 + values[i];
    }
    return checksum;
}
