/// The 192 bytes that XXH3 keys its input with: the reference's default secret
/// (`XXH3_kSecret`), or the one it derives from a nonzero seed for inputs longer than
/// 240 bytes (`XXH3_initCustomSecret`).
///
/// The secret is 24 little-endian words in three vectors: constants that the compiler
/// keeps in the code, so that no call fetches them.
@usableFromInline
enum XXH3Secret {
    /// The default secret, `b8 fe 6c 39 23 a4 4b be 7c 01 …` as words.
    @inlinable @inline(__always)
    static var standard: InlineArray<3, SIMD8<UInt64>> {
        [
            SIMD8(0xBE4B_A423_396C_FEB8, 0x1CAD_21F7_2C81_017C, 0xDB97_9083_E96D_D4DE, 0x1F67_B3B7_A4A4_4072,
                  0x78E5_C0CC_4EE6_79CB, 0x2172_FFCC_7DD0_5A82, 0x8E24_43F7_7446_08B8, 0x4C26_3A81_E690_35E0),
            SIMD8(0xCB00_C391_BB52_283C, 0xA32E_531B_8B65_D088, 0x4EF9_0DA2_9748_6471, 0xD8AC_DEA9_46EF_1938,
                  0x3F34_9CE3_3F76_FAA8, 0x1D4F_0BC7_C7BB_DCF9, 0x3159_B4CD_4BE0_518A, 0x6473_78D9_C97E_9FC8),
            SIMD8(0xC3EB_D334_83AC_C5EA, 0xEB63_13FA_FFA0_81C5, 0x49DA_F0B7_51DD_0D17, 0x9E68_D429_2655_16D3,
                  0xFCA1_477D_58BE_162B, 0xCE31_D07A_D1B8_F88F, 0x2804_1695_8F3A_CB45, 0x7E40_4BBB_CAFB_D7AF),
        ]
    }

    /// Calls `body` with the address of the default secret.
    @inlinable @inline(__always)
    static func withStandard<Result>(_ body: (UnsafeRawPointer) -> Result) -> Result {
        var secret = standard
        return withUnsafeBytes(of: &secret) { body($0.baseAddress!) }
    }

    /// Calls `body` with the address of the secret derived from `seed`: the default secret
    /// as 12 pairs of words, `seed` added to the first word of each pair and subtracted
    /// from the second.
    @inlinable @inline(__always)
    static func withDerived<Result>(seed: UInt64, _ body: (UnsafeRawPointer) -> Result) -> Result {
        let minus = 0 &- seed
        let pairs = SIMD8(seed, minus, seed, minus, seed, minus, seed, minus)
        var secret = standard
        for part in 0..<3 {
            secret[part] = secret[part] &+ pairs
        }
        return withUnsafeBytes(of: &secret) { body($0.baseAddress!) }
    }
}
