#include "CacheHints.h"

void plastic_unet_prefetch(const void *start, size_t byteCount) {
    const char *bytes = start;
    for (size_t offset = 0; offset < byteCount; offset += 64) {
        __builtin_prefetch(bytes + offset, 0, 3);
    }
}
