#ifndef PLASTIC_UNET_CZLIB_SHIM_H
#define PLASTIC_UNET_CZLIB_SHIM_H
#include <zlib.h>
#endif
