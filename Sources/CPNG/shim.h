#ifndef PLASTIC_UNET_CPNG_SHIM_H
#define PLASTIC_UNET_CPNG_SHIM_H
/* libpng's simplified API only: the classic API needs setjmp, which Swift cannot use. */
#include <png.h>
#endif
