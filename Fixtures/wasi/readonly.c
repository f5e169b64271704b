// Reads from the read-only grant /data and tries to change it in every way; each change must
// fail. Prints one line per attempt.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int changed = 0;

static void attempt(const char *what, int failed) {
    if (failed) {
        printf("%s: refused %s\n", what, errno == ENOTCAPABLE ? "ENOTCAPABLE" : strerror(errno));
    } else {
        printf("%s: CHANGED\n", what);
        changed = 1;
    }
}

int main(void) {
    char text[64] = {0};
    FILE *in = fopen("/data/readme.txt", "r");
    if (!in || !fgets(text, sizeof text, in)) {
        printf("cannot read: %s\n", strerror(errno));
        return 2;
    }
    fclose(in);
    printf("read: %s", text);
    attempt("fopen w", fopen("/data/readme.txt", "w") == NULL);
    attempt("fopen new", fopen("/data/new.txt", "w") == NULL);
    int fd = open("/data/readme.txt", O_RDWR);
    // wasi-libc opens it without the write right; write() then reports EBADF, as POSIX does
    // for a descriptor not open for writing.
    attempt("write through O_RDWR", fd < 0 || write(fd, "x", 1) != 1);
    if (fd >= 0) close(fd);
    attempt("mkdir", mkdir("/data/dir", 0755) != 0);
    attempt("unlink", unlink("/data/readme.txt") != 0);
    attempt("rename", rename("/data/readme.txt", "/data/moved.txt") != 0);
    attempt("symlink", symlink("readme.txt", "/data/link") != 0);
    return changed;
}
