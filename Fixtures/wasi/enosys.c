// Calls a preview-1 function the host does not implement (sock_accept) and prints its errno,
// which must be ENOSYS (52), not a trap.
#include <stdio.h>
#include <wasi/api.h>

int main(void) {
    __wasi_fd_t accepted = 0;
    __wasi_errno_t error = __wasi_sock_accept(3, 0, &accepted);
    printf("sock_accept: %d\n", error);
    error = __wasi_sched_yield();
    printf("sched_yield: %d\n", error);
    return 0;
}
