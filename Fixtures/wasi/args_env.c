// Prints its arguments, its whole environment, and one variable looked up by name.
#include <stdio.h>
#include <stdlib.h>

extern char **environ;

int main(int argc, char **argv) {
    printf("argc=%d\n", argc);
    for (int i = 0; i < argc; i++) printf("argv[%d]=%s\n", i, argv[i]);
    int count = 0;
    for (char **e = environ; *e; e++, count++) printf("env: %s\n", *e);
    printf("envc=%d\n", count);
    const char *greeting = getenv("GREETING");
    printf("GREETING=%s\n", greeting ? greeting : "(unset)");
    return 0;
}
