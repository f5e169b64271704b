// Reads the clocks, sleeps 10 ms (poll_oneoff) and draws random bytes. With the tests' manual
// clock and seeded generator its output is the same on every run.
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

int main(void) {
    struct timespec real, before, after, resolution;
    clock_gettime(CLOCK_REALTIME, &real);
    clock_gettime(CLOCK_MONOTONIC, &before);
    clock_getres(CLOCK_MONOTONIC, &resolution);
    struct timespec nap = {0, 10 * 1000 * 1000};
    nanosleep(&nap, NULL);
    clock_gettime(CLOCK_MONOTONIC, &after);
    long long slept = (after.tv_sec - before.tv_sec) * 1000000000LL + (after.tv_nsec - before.tv_nsec);
    printf("realtime: %lld\n", (long long)real.tv_sec);
    printf("resolution ns: %ld\n", resolution.tv_nsec);
    printf("slept at least 10ms: %s\n", slept >= 10000000 ? "yes" : "no");
    unsigned char bytes[16];
    if (getentropy(bytes, sizeof bytes) != 0) return 1;
    printf("random:");
    for (int i = 0; i < 16; i++) printf(" %02x", bytes[i]);
    printf("\n");
    return 0;
}
