#!/usr/bin/env python3
"""Tests of check_isa_confinement.py on made-up disassembly."""

import unittest

from check_isa_confinement import violations

AVX512_KERNEL = """
0000000000001000 <generic specialization <KernelsAVX512.AVX512TileKernels, 6, 4> of KernelLoops.ProductOperands.computeBlock>:
    1000:	vfmadd231ps (%rcx,%r11,4){1to16},%zmm15,%zmm4
    1007:	ret
"""
AVX2_KERNEL = """
0000000000002000 <generic specialization <KernelsAVX2.AVX2TileKernels, 6, 1> of KernelLoops.ProductOperands.computeBlock>:
    2000:	vfmadd231ps %ymm1,%ymm2,%ymm3
    2005:	shlx   %rax,%rbx,%rcx
    200a:	ret
"""
BASELINE = """
0000000000003000 <Kernels.TraceArithmetic.hebb>:
    3000:	mulss  %xmm1,%xmm0
    3004:	call   3100 <fmaf@plt>
    3009:	ret
"""


class ViolationTests(unittest.TestCase):
    def test_instructions_inside_their_targets_pass(self):
        self.assertEqual(violations(AVX512_KERNEL + AVX2_KERNEL + BASELINE), [])

    def test_avx512_outside_its_target_is_named(self):
        leak = BASELINE.replace("mulss  %xmm1,%xmm0", "vmovups %zmm5,-0x630(%rbp)")
        problems = violations(AVX512_KERNEL + AVX2_KERNEL + leak)
        self.assertEqual(len(problems), 1)
        self.assertIn("Kernels.TraceArithmetic.hebb: AVX-512", problems[0])

    def test_avx512_in_the_avx2_target_is_refused(self):
        leak = AVX2_KERNEL.replace("%ymm1,%ymm2,%ymm3", "%zmm1,%zmm2,%zmm3")
        problems = violations(AVX512_KERNEL + leak + BASELINE)
        self.assertTrue(any("KernelsAVX2.AVX2TileKernels" in p and "AVX-512" in p for p in problems), problems)

    def test_vex_and_bmi_instructions_count_as_haswell(self):
        for instruction in ["vaddss %xmm1,%xmm2,%xmm3", "shlx   %rax,%rbx,%rcx", "lzcnt  %rax,%rbx",
                            "vmovaps %ymm0,(%rdi)"]:
            leak = BASELINE.replace("mulss  %xmm1,%xmm0", instruction)
            problems = violations(AVX512_KERNEL + AVX2_KERNEL + leak)
            self.assertEqual(len(problems), 1, instruction)
            self.assertIn("AVX2/FMA/BMI", problems[0])

    def test_a_program_without_kernel_instructions_is_refused(self):
        problems = violations(BASELINE)
        self.assertEqual(problems, ["no function of KernelsAVX512 uses AVX-512 instructions",
                                    "no function of KernelsAVX2 uses AVX2/FMA/BMI instructions"])


if __name__ == "__main__":
    unittest.main()
