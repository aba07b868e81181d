#ifndef PLASTIC_UNET_CHDF5_SHIM_H
#define PLASTIC_UNET_CHDF5_SHIM_H
#include <hdf5.h>
#endif
