#ifndef PLASTIC_UNET_CHDF5_SHIM_H
#define PLASTIC_UNET_CHDF5_SHIM_H
#include <hdf5.h>
#include <hdf5_hl.h>

/*
 * The HDF5 macros that Swift cannot import, re-exported as functions. The macros that
 * name library globals (property list classes, native types) call H5open() first, as
 * the macros themselves do, so the globals are valid when they are read.
 */

/* Default property list. */
static inline hid_t chdf5_p_default(void) { return H5P_DEFAULT; }

/* Property list classes. */
static inline hid_t chdf5_p_file_create(void) { return H5P_FILE_CREATE; }
static inline hid_t chdf5_p_file_access(void) { return H5P_FILE_ACCESS; }
static inline hid_t chdf5_p_group_create(void) { return H5P_GROUP_CREATE; }
static inline hid_t chdf5_p_dataset_create(void) { return H5P_DATASET_CREATE; }

/* File access flags. */
static inline unsigned chdf5_f_acc_rdonly(void) { return H5F_ACC_RDONLY; }
static inline unsigned chdf5_f_acc_rdwr(void) { return H5F_ACC_RDWR; }
static inline unsigned chdf5_f_acc_trunc(void) { return H5F_ACC_TRUNC; }
static inline unsigned chdf5_f_acc_excl(void) { return H5F_ACC_EXCL; }

/* The newest file format this library writes. */
static inline H5F_libver_t chdf5_f_libver_latest(void) { return H5F_LIBVER_LATEST; }

/* Dataspaces and the error stack. */
static inline hid_t chdf5_s_all(void) { return H5S_ALL; }

/* H5LTopen_file_image: the library takes the buffer as it is (no copy), and leaves it to
   the caller to free. */
static inline unsigned chdf5_lt_file_image_dont_copy(void) { return H5LT_FILE_IMAGE_DONT_COPY; }
static inline unsigned chdf5_lt_file_image_dont_release(void) { return H5LT_FILE_IMAGE_DONT_RELEASE; }
static inline hsize_t chdf5_s_unlimited(void) { return H5S_UNLIMITED; }
static inline hid_t chdf5_e_default(void) { return H5E_DEFAULT; }

/* Types. */
static inline size_t chdf5_t_variable(void) { return H5T_VARIABLE; }
static inline hid_t chdf5_t_c_s1(void) { return H5T_C_S1; }
static inline hid_t chdf5_t_native_float(void) { return H5T_NATIVE_FLOAT; }
static inline hid_t chdf5_t_native_double(void) { return H5T_NATIVE_DOUBLE; }
static inline hid_t chdf5_t_native_int64(void) { return H5T_NATIVE_INT64; }
static inline hid_t chdf5_t_native_uint64(void) { return H5T_NATIVE_UINT64; }
static inline hid_t chdf5_t_native_uint8(void) { return H5T_NATIVE_UINT8; }

/* Little-endian standard types: what the files store, whatever the machine. */
static inline hid_t chdf5_t_ieee_f32le(void) { return H5T_IEEE_F32LE; }
static inline hid_t chdf5_t_ieee_f64le(void) { return H5T_IEEE_F64LE; }
static inline hid_t chdf5_t_std_i64le(void) { return H5T_STD_I64LE; }
static inline hid_t chdf5_t_std_u64le(void) { return H5T_STD_U64LE; }
static inline hid_t chdf5_t_std_u8le(void) { return H5T_STD_U8LE; }

#endif
