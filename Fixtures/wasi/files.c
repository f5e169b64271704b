// Works in the granted directory /sandbox: creates, writes, reads, seeks, stats, lists,
// renames and removes files and directories. Prints what it sees; any failure exits 1.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void check(int ok, const char *what) {
    if (!ok) {
        printf("FAILED: %s: %s\n", what, strerror(errno));
        exit(1);
    }
}

static int compare(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void list(const char *path) {
    DIR *dir = opendir(path);
    check(dir != NULL, "opendir");
    char *names[64];
    int count = 0;
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL && count < 64) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0) continue;
        names[count++] = strdup(entry->d_name);
    }
    closedir(dir);
    qsort(names, count, sizeof names[0], compare);
    printf("list %s:", path);
    for (int i = 0; i < count; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    printf("\n");
}

int main(void) {
    FILE *out = fopen("/sandbox/notes.txt", "w");
    check(out != NULL, "fopen w");
    fprintf(out, "line one\nline two\n");
    check(fclose(out) == 0, "fclose");

    FILE *in = fopen("/sandbox/notes.txt", "r");
    check(in != NULL, "fopen r");
    char line[64];
    while (fgets(line, sizeof line, in)) printf("read: %s", line);
    check(fseek(in, 5, SEEK_SET) == 0, "fseek");
    printf("tell after seek: %ld\n", ftell(in));
    check(fgets(line, sizeof line, in) != NULL, "fgets after seek");
    printf("after seek: %s", line);
    fclose(in);

    int fd = open("/sandbox/notes.txt", O_WRONLY | O_APPEND);
    check(fd >= 0, "open append");
    check(write(fd, "line three\n", 11) == 11, "write append");
    close(fd);

    struct stat info;
    check(stat("/sandbox/notes.txt", &info) == 0, "stat");
    printf("size: %lld regular: %d\n", (long long)info.st_size, S_ISREG(info.st_mode));

    fd = open("/sandbox/notes.txt", O_RDWR);
    check(fd >= 0, "open rdwr");
    check(pwrite(fd, "LINE", 4, 0) == 4, "pwrite");
    char head[9] = {0};
    check(pread(fd, head, 8, 0) == 8, "pread");
    printf("pread: %s\n", head);
    check(ftruncate(fd, 4) == 0, "ftruncate");
    check(lseek(fd, 0, SEEK_END) == 4, "lseek end");
    close(fd);

    check(mkdir("/sandbox/sub", 0755) == 0, "mkdir");
    check(mkdir("/sandbox/sub/deeper", 0755) == 0, "mkdir deeper");
    out = fopen("/sandbox/sub/a.txt", "w");
    check(out != NULL, "fopen sub");
    fputs("a", out);
    fclose(out);
    check(rename("/sandbox/sub/a.txt", "/sandbox/sub/b.txt") == 0, "rename");
    check(symlink("b.txt", "/sandbox/sub/link") == 0, "symlink");
    char target[32] = {0};
    check(readlink("/sandbox/sub/link", target, sizeof target - 1) == 5, "readlink");
    printf("readlink: %s\n", target);
    check(link("/sandbox/sub/b.txt", "/sandbox/sub/hard") == 0, "link");
    check(stat("/sandbox/sub/link", &info) == 0 && S_ISREG(info.st_mode), "stat through link");
    list("/sandbox");
    list("/sandbox/sub");

    check(unlink("/sandbox/sub/link") == 0, "unlink link");
    check(unlink("/sandbox/sub/hard") == 0, "unlink hard");
    check(unlink("/sandbox/sub/b.txt") == 0, "unlink");
    check(rmdir("/sandbox/sub") != 0 && errno == ENOTEMPTY, "rmdir not empty");
    check(rmdir("/sandbox/sub/deeper") == 0, "rmdir deeper");
    check(rmdir("/sandbox/sub") == 0, "rmdir");
    check(open("/sandbox/missing", O_RDONLY) < 0 && errno == ENOENT, "missing file");
    list("/sandbox");
    printf("done\n");
    return 0;
}
