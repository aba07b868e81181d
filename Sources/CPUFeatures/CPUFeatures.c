#include "CPUFeatures.h"

#if defined(__x86_64__)
#include <cpuid.h>

/// The XCR0 register: which register states the operating system saves.
static unsigned long long enabled_register_states(void) {
    unsigned int eax, edx;
    __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
    return ((unsigned long long)edx << 32) | eax;
}

/// Whether every bit of `mask` is set in `value`.
static int has_all(unsigned int value, unsigned int mask) { return (value & mask) == mask; }

int plastic_unet_cpu_has_avx2_fma(void) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    // SSE4.2, POPCNT, MOVBE, FMA, AVX, F16C, OSXSAVE.
    unsigned int leaf1 = bit_SSE4_2 | bit_POPCNT | bit_MOVBE | bit_FMA | bit_AVX | bit_F16C | bit_OSXSAVE;
    if (!has_all(ecx, leaf1)) return 0;
    // The system saves the XMM and YMM registers.
    if ((enabled_register_states() & 0x6) != 0x6) return 0;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
    if (!has_all(ebx, bit_AVX2 | bit_BMI | bit_BMI2)) return 0;
    // LZCNT (ABM) is in the extended leaf.
    if (!__get_cpuid(0x80000001, &eax, &ebx, &ecx, &edx)) return 0;
    return has_all(ecx, bit_LZCNT);
}

int plastic_unet_cpu_has_avx512(void) {
    unsigned int eax, ebx, ecx, edx;
    if (!plastic_unet_cpu_has_avx2_fma()) return 0;
    // The system saves the opmask and both halves of the ZMM registers.
    if ((enabled_register_states() & 0xE6) != 0xE6) return 0;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
    return has_all(ebx, bit_AVX512F | bit_AVX512CD | bit_AVX512BW | bit_AVX512DQ | bit_AVX512VL);
}

#else

int plastic_unet_cpu_has_avx2_fma(void) { return 0; }
int plastic_unet_cpu_has_avx512(void) { return 0; }

#endif
