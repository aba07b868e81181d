/// Digests of the xxHash reference implementation's `XXH3_64bits_withSeed` over prefixes
/// of its sanity buffer, with seed 0 and with ``prime64``.
enum XXH3ReferenceVectors {
    /// The nonzero seed of the reference's XXH3 sanity checks (`PRIME64`).
    static let prime64: UInt64 = 11_400_714_785_074_694_797

    /// The reference's sanity buffer (`XSUM_fillTestBuffer`): byte i is the top byte of
    /// `2654435761 · PRIME64^i` modulo 2^64.
    static func sanityBuffer(count: Int) -> [UInt8] {
        var generator: UInt64 = 2_654_435_761
        return (0..<count).map { _ in
            defer { generator = generator &* prime64 }
            return UInt8(generator >> 56)
        }
    }

    /// One prefix length and its digests with seed 0 and with ``prime64``.
    struct Vector {
        let length: Int
        let seed0: UInt64
        let seedPrime64: UInt64

        init(_ length: Int, _ seed0: UInt64, _ seedPrime64: UInt64) {
            self.length = length
            self.seed0 = seed0
            self.seedPrime64 = seedPrime64
        }
    }

    /// The table `XSUM_XXH3_testdata` of Cyan4973/xxHash, file cli/xsum_sanity_check.c:
    /// one length of each class up to 240 bytes, then one block with an overlapping or an
    /// aligned last stripe, and 2 or 3 blocks ending at a block or stripe boundary or not.
    static let published: [Vector] = [
        Vector(0, 0x2D06_8005_38D3_94C2, 0xA8A6_B918_B2F0_364A),
        Vector(1, 0xC44B_DFF4_074E_ECDB, 0x032B_E332_DD76_6EF8),
        Vector(6, 0x27B5_6A84_CD2D_7325, 0x8458_9C11_6AB5_9AB9),
        Vector(12, 0xA713_DAF0_DFBB_77E7, 0xE730_3E1B_2336_DE0E),
        Vector(24, 0xA3FE_70BF_9D35_10EB, 0x850E_80FC_35BD_D690),
        Vector(48, 0x397D_A259_ECBA_1F11, 0xADC2_CBAA_44AC_C616),
        Vector(80, 0xBCDE_FBBB_2C47_C90A, 0xC6DD_0CB6_9953_2E73),
        Vector(195, 0xCD94_217E_E362_EC3A, 0xBA68_003D_370C_B3D9),
        Vector(403, 0xCDEB_804D_65C6_DEA4, 0x6259_F6EC_FD64_43FD),
        Vector(512, 0x617E_4959_9013_CB6B, 0x3CE4_57DE_14C2_7708),
        Vector(2048, 0xDD59_E2C3_A5F0_38E0, 0x66F8_1670_669A_BABC),
        Vector(2240, 0x6E73_A905_39CF_2948, 0x757B_A848_7D1B_5247),
        Vector(2367, 0xCB37_AEB9_E5D3_61ED, 0xD2DB_3415_B942_B42A),
    ]

    /// Every edge of every length class (1, 3 | 4, 8 | 9, 16 | 17, 32, 33, 64, 65, 96, 97,
    /// 128 | 129, 240 | 241), partial, whole and one-past stripes and blocks up to the
    /// whole 4161-byte buffer, computed with the reference implementation (libxxhash
    /// 0.8.1, `XXH3_64bits_withSeed`) over the same buffer; those of lengths 2, 3, 4, 8,
    /// 16, 17, 32, 33, 64, 65, 128, 129, 240, 241, 256, 257, 1024, 4096 and 4160 are also in
    /// the table `XSUM_XXH3_testdata` of tests/sanity_test_vectors.h in Cyan4973/xxHash.
    static let computed: [Vector] = [
        Vector(2, 0x7A99_7804_4CB8_A8BB, 0x764B_35C9_0519_AD88),
        Vector(3, 0x5424_7382_A8D6_B94D, 0x634B_8990_B497_6373),
        Vector(4, 0xE5DC_74BC_5184_8A51, 0xAA2E_7ECC_B0C8_F747),
        Vector(5, 0xE424_3F00_7203_06BB, 0x5A67_C87E_50ED_80ED),
        Vector(8, 0x24CC_C9AC_AA9F_65E4, 0x8F97_3410_999B_8F6B),
        Vector(9, 0x14D5_001C_15DD_3F2B, 0xB3AE_7333_D901_3F60),
        Vector(15, 0x4555_6D4D_6E17_98BC, 0x710D_D531_8F6F_16D5),
        Vector(16, 0x981B_17D3_6C74_98C9, 0x663F_2933_3B4D_B6B1),
        Vector(17, 0x796F_5ACD_3A60_F862, 0xF3EC_5067_F430_6DB3),
        Vector(18, 0x6CFE_AA84_5E6E_BCD1, 0x603F_DA3D_472C_BC69),
        Vector(31, 0x5D51_6692_CA76_4C50, 0x9B37_2742_59C5_49C6),
        Vector(32, 0x9FEA_DDBD_BF57_EED3, 0x2199_FAB1_5348_93D9),
        Vector(33, 0xABFB_2D08_1B40_0A10, 0xAD56_348D_A574_BB6D),
        Vector(63, 0x83D7_4A75_F2C2_577A, 0xC3AB_9C8B_5396_0DC7),
        Vector(64, 0x9CB4_8487_720E_C49D, 0x4FE8_895D_B9B8_C077),
        Vector(65, 0xFD81_AAC4_BEBC_3883, 0xAD80_AEEC_1FC9_E0A7),
        Vector(96, 0x935A_769A_7F94_776F, 0x70CF_5193_7E50_0540),
        Vector(97, 0xCA4C_A268_FD3C_3A6C, 0xEE46_1D3A_DD7E_E6C9),
        Vector(127, 0x2408_ED71_323D_6096, 0x41D2_F0C3_F483_208F),
        Vector(128, 0xFCFF_2412_6754_D861, 0x73FD_E752_8064_6649),
        Vector(129, 0x98F1_B0A6_79A2_CA29, 0x21FF_FDBC_A099_C844),
        Vector(130, 0x7F6C_531C_F53E_EB30, 0xF145_0CA5_3F22_03E1),
        Vector(143, 0x7A78_1369_3F1F_4EDB, 0x43B3_274A_E68D_5742),
        Vector(144, 0xC440_D47E_5F03_FE58, 0x858D_16B7_1F4D_D859),
        Vector(239, 0x16CE_2B9D_3B28_805D, 0xF59F_5C23_FCEB_D3B7),
        Vector(240, 0x81C3_C2B6_7F56_8CCF, 0xCC0F_58C2_7EF3_D8EE),
        Vector(241, 0xC5A6_39EC_D203_0E5E, 0xDDA9_B0A1_61D4_829A),
        Vector(242, 0x9673_44E7_8CB4_B723, 0x5811_A132_DBCB_4C75),
        Vector(255, 0xE98F_979F_4ED8_A197, 0x2ACA_7901_D953_8C75),
        Vector(256, 0x55DE_574A_D89D_0AC5, 0x4D30_234B_7A3A_A61C),
        Vector(257, 0xB17F_D5A8_AE75_BB0B, 0x802A_6FBF_3CAC_D97C),
        Vector(448, 0xCBB1_4EA4_B925_B28E, 0x4E1F_337F_772E_A804),
        Vector(960, 0xFE24_A9D0_DDDF_9D8A, 0xD9C5_32F2_683C_B21F),
        Vector(1023, 0x87A8_F7B2_F2E2_2496, 0x0F0F_02DE_8590_E1B5),
        Vector(1024, 0xDD85_C9B5_C110_9C5C, 0xEF36_8A8A_2EBA_BAEF),
        Vector(1025, 0xD870_C0FA_1321_1C6A, 0x9679_2BCF_9AF8_8519),
        Vector(1087, 0x047F_181E_7C8A_41B9, 0x9DDA_30BB_BF69_BF13),
        Vector(1536, 0x8DAA_8C2E_CCAB_B68B, 0x672E_8F73_2C4E_55D7),
        Vector(1537, 0x57C8_DBD1_43F7_4C9D, 0x93A0_5689_A575_8F46),
        Vector(3072, 0x696B_F231_F32A_B848, 0xFE15_0E48_7CFF_7C10),
        Vector(3073, 0xBB5C_D789_3718_D93D, 0x5233_345A_92E0_B7D2),
        Vector(4096, 0xE912_0642_9D1F_48F9, 0x2A3B_BB20_A543_9DCD),
        Vector(4160, 0x4F32_3B15_321E_94E1, 0x1BF6_F5FA_F9EE_CABD),
        Vector(4161, 0xEFB6_CCB0_6C0B_206A, 0xA7E2_D104_DA48_B297),
    ]

    /// 1 MiB and 3 bytes of the same generator (1024 blocks, then 3 bytes), computed with
    /// the reference implementation as ``computed``.
    static let mebibyte = Vector((1 << 20) + 3, 0xAD24_5841_231E_DA94, 0x61EF_2402_9BEE_0A63)
}
