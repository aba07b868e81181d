#include "CMemory.h"

#if __has_include(<malloc.h>)
#include <malloc.h>
#endif

void plastic_unet_keep_freed_memory(void) {
#if defined(M_TRIM_THRESHOLD) && defined(M_MMAP_THRESHOLD)
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
    mallopt(M_MMAP_THRESHOLD, 256 << 20);
#endif
}
