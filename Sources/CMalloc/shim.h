#ifndef PLASTIC_UNET_CMALLOC_SHIM_H
#define PLASTIC_UNET_CMALLOC_SHIM_H
#if defined(__GLIBC__) || (defined(__linux__) && __has_include(<malloc.h>))
#include <malloc.h>
#endif
#endif
