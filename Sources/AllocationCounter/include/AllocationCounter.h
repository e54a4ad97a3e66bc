#ifndef REGUA_ALLOCATION_COUNTER_H
#define REGUA_ALLOCATION_COUNTER_H

#include <stdbool.h>
#include <stdint.h>

/// Whether this build counts heap allocations (glibc only: it defines malloc and friends).
bool regua_allocation_counting_available(void);

/// How many heap allocations (malloc, calloc, realloc of NULL, posix_memalign, aligned_alloc,
/// memalign, valloc, pvalloc) the process has made so far; 0 when counting is unavailable.
uint64_t regua_allocation_count(void);

#endif
