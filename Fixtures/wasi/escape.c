// Tries every way out of the granted directory /sandbox; each attempt must fail. Prints one
// line per attempt: "refused <errno name>" or "ESCAPED", then opens a file inside, which must
// work. The test lays out, beside the granted
// directory: outside.txt, and in the sandbox the links out -> ../, abs -> /etc, chain -> out2,
// out2 -> ../outside.txt, and sub/up -> ../...
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *name(int e) {
    switch (e) {
    case ENOTCAPABLE: return "ENOTCAPABLE";
    case ENOENT: return "ENOENT";
    case EPERM: return "EPERM";
    case EACCES: return "EACCES";
    case ELOOP: return "ELOOP";
    default: return strerror(e);
    }
}

static int escaped = 0;

static void attempt_open(const char *path) {
    int fd = open(path, O_RDONLY);
    if (fd >= 0) {
        printf("open %s: ESCAPED\n", path);
        escaped = 1;
        close(fd);
    } else {
        printf("open %s: refused %s\n", path, name(errno));
    }
}

static void attempt(const char *what, int result) {
    if (result == 0) {
        printf("%s: ESCAPED\n", what);
        escaped = 1;
    } else {
        printf("%s: refused %s\n", what, name(errno));
    }
}

int main(void) {
    attempt_open("/sandbox/../outside.txt");
    attempt_open("/sandbox/sub/../../outside.txt");
    attempt_open("/etc/passwd");
    attempt_open("/sandbox/out/outside.txt");
    attempt_open("/sandbox/abs/passwd");
    attempt_open("/sandbox/chain");
    attempt_open("/sandbox/sub/up/outside.txt");
    struct stat info;
    attempt("stat /sandbox/chain", stat("/sandbox/chain", &info));
    attempt("mkdir /sandbox/../made", mkdir("/sandbox/../made", 0755));
    attempt("symlink -> /etc", symlink("/etc", "/sandbox/newlink"));
    attempt("symlink -> ../..", symlink("../../x", "/sandbox/sub/newlink"));
    attempt("rename out", rename("/sandbox/inside.txt", "/sandbox/../stolen.txt"));
    attempt("link out", link("/sandbox/inside.txt", "/sandbox/../linked.txt"));
    // The sandbox itself stays usable.
    int fd = open("/sandbox/inside.txt", O_RDONLY);
    printf("open /sandbox/inside.txt: %s\n", fd >= 0 ? "allowed" : name(errno));
    return escaped;
}
