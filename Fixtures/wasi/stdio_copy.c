// Copies standard input to standard output, unless standard output is a terminal: like bzip2
// ("I won't write compressed data to a terminal"), it refuses to write binary data there. It
// reports on standard error whether stdin and stdout are terminals (isatty, which wasi-libc
// answers from fd_fdstat_get). build.sh records what the native build says in a pipe
// (stdio_copy.expected) and with a terminal as stdout (stdio_copy.terminal.expected); a wasm run
// must say the same.
#include <stdio.h>
#include <unistd.h>

int main(void) {
    int in_terminal = isatty(0);
    int out_terminal = isatty(1);
    fprintf(stderr, "stdin is a terminal: %s\n", in_terminal ? "yes" : "no");
    fprintf(stderr, "stdout is a terminal: %s\n", out_terminal ? "yes" : "no");
    if (out_terminal) {
        fprintf(stderr, "stdio_copy: I won't write binary data to a terminal.\n");
        return 1;
    }
    static char buffer[16384];
    size_t got;
    while ((got = fread(buffer, 1, sizeof buffer, stdin)) > 0) {
        if (fwrite(buffer, 1, got, stdout) != got) {
            perror("stdio_copy: write");
            return 2;
        }
    }
    if (ferror(stdin)) {
        perror("stdio_copy: read");
        return 2;
    }
    if (fflush(stdout) != 0) {
        perror("stdio_copy: flush");
        return 2;
    }
    fprintf(stderr, "copied to the end of the input\n");
    return 0;
}
