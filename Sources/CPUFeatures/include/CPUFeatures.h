#ifndef PLASTIC_UNET_CPU_FEATURES_H
#define PLASTIC_UNET_CPU_FEATURES_H

/// What the CPU and the operating system let a program run, asked once with CPUID and
/// XGETBV. Each function answers 1 or 0; on a CPU that is not x86-64 every one answers 0.

/// 1 when the CPU has everything that code compiled for Haswell uses (AVX, AVX2, FMA,
/// F16C, BMI1, BMI2, LZCNT, MOVBE, POPCNT, SSE4.2) and the system saves the YMM registers.
int plastic_unet_cpu_has_avx2_fma(void);

/// 1 when, beyond plastic_unet_cpu_has_avx2_fma, the CPU has what code compiled for
/// Skylake-AVX512 uses (AVX-512 F, CD, BW, DQ and VL) and the system saves the ZMM registers.
int plastic_unet_cpu_has_avx512(void);

#endif
