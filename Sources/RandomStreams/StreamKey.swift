/// How a stream's key is derived from `(seed, name, index)`.
///
/// `key = mix(mix(seed &+ fnv1a64(name)) ^ mix(index &+ 0x632BE59BD9B4E019))`, where
/// `mix` is SplitMix64's output function and `fnv1a64` the 64-bit FNV-1a hash of the
/// name's UTF-8 bytes.
package enum StreamKey {
    /// The key of the stream `(seed, name, index)`.
    package static func derive(seed: UInt64, name: String, index: UInt64) -> UInt64 {
        let named = SplitMix64.mix(seed &+ fnv1a64(name))
        return SplitMix64.mix(named ^ SplitMix64.mix(index &+ 0x632B_E59B_D9B4_E019))
    }

    /// The 64-bit FNV-1a hash of the UTF-8 bytes of `text`.
    package static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
