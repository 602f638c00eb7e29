#ifndef APIGEN_CSYSTEM_H
#define APIGEN_CSYSTEM_H
// The POSIX calls the generator makes (files, folders, threads), from the C headers.
//
// Importing them through this module rather than the `Glibc` overlay (or Foundation) keeps a
// cold debug build of `apigen` short: SwiftPM's debug builds pass `-index-system-modules`, and
// with that the compiler rebuilds every imported Swift overlay of the system from its interface
// to index it, `Glibc` included (about 2 s here), and Foundation needs its C modules built
// (about 2 s more). These headers are plain C modules, already built for the standard library.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#if defined(__linux__)
#include <sys/syscall.h>
#endif
#include <sys/types.h>
#include <unistd.h>

/// `errno` is a macro (a thread-local lvalue), which Swift does not import.
static inline int apigen_posix_errno(void) { return errno; }

/// `open(2)` is variadic in C, which Swift does not import.
static inline int apigen_posix_open(const char *path, int flags, mode_t mode) { return open(path, flags, mode); }

/// `S_ISDIR` and `S_ISREG` are function-like macros.
static inline int apigen_posix_is_directory(mode_t mode) { return S_ISDIR(mode); }
static inline int apigen_posix_is_regular(mode_t mode) { return S_ISREG(mode); }

/// The cores this process may run on (its affinity mask on Linux, as `taskset` or a container's
/// cpuset sets it), at least 1. `sched_getaffinity` itself needs `_GNU_SOURCE`, which the
/// system's C modules are not built with, so the raw system call.
static inline int apigen_posix_active_processors(void) {
#if defined(__linux__) && defined(SYS_sched_getaffinity)
    unsigned long mask[16]; // 1,024 cores
    long bytes = syscall(SYS_sched_getaffinity, 0, sizeof(mask), mask);
    if (bytes > 0) {
        int count = 0;
        for (long i = 0; i < bytes / (long)sizeof(unsigned long); i++) { count += __builtin_popcountl(mask[i]); }
        if (count > 0) { return count; }
    }
#endif
    long online = sysconf(_SC_NPROCESSORS_ONLN);
    return online > 0 ? (int)online : 1;
}

#endif
