// Prints one line to standard output and returns 0.
#include <stdio.h>

int main(void) {
    printf("Hello from WASI!\n");
    return 0;
}
