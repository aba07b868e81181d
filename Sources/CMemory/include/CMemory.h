#ifndef PLASTIC_UNET_MEMORY_H
#define PLASTIC_UNET_MEMORY_H

/// Asks the C library's allocator to keep the memory that the program frees for its next
/// allocations, instead of handing it back to the system at every free and faulting it in
/// again, zeroed page by page, at the next allocation: the kernels allocate and free
/// buffers of up to a few MB many times a step. Sets glibc's trim threshold (free memory
/// kept at the top of the heap) to 512 MB and serves allocations of up to 256 MB from the
/// heap. The peak of the program's memory does not change, only how often it is touched
/// anew. Does nothing on a C library without mallopt.
void plastic_unet_keep_freed_memory(void);

#endif
