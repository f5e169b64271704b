// Prints a line, then traps (unreachable): the run must end with a trap, not an exit code.
#include <stdio.h>

int main(void) {
    printf("before the trap\n");
    fflush(stdout);
    __builtin_trap();
}
