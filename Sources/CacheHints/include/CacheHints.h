#ifndef PLASTIC_UNET_CACHE_HINTS_H
#define PLASTIC_UNET_CACHE_HINTS_H

#include <stddef.h>

/// Asks the CPU to bring the `byteCount` bytes from `start` on into its caches: one
/// prefetch instruction for each 64-byte line, in ascending order. It changes no memory
/// and no result, only where the next reads of those bytes find them. A sequential pass
/// is what the hardware prefetchers follow from memory; a product that then reads the
/// bytes in an order they cannot follow finds them in cache.
void plastic_unet_prefetch(const void *start, size_t byteCount);

#endif
