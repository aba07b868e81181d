/// The pieces of Steele, Lea and Flood's SplitMix64 generator that the streams use.
enum SplitMix64 {
    /// The Weyl-sequence increment, 2^64 divided by the golden ratio.
    static let golden: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// SplitMix64's output function: a bijective 64-bit mixer.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
