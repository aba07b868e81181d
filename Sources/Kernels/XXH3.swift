import KernelLoops

/// XXH3-64 (xxHash 3, 64 bits) digests, the bits of the reference implementation's
/// `XXH3_64bits_withSeed` on every kernel path.
package enum XXH3 {
    /// The XXH3-64 digest of `bytes`.
    /// - Parameters:
    ///   - bytes: the input, of any length.
    ///   - seed: the reference's seed; 0 gives `XXH3_64bits`.
    ///   - path: the instruction set of the loop (``KernelLoops/XXH3Loop``); the result
    ///     does not depend on it.
    /// - Returns: `XXH3_64bits_withSeed(bytes, bytes.count, seed)`.
    /// - Complexity: O(n) for n bytes.
    package static func hash64(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0,
                              path: KernelPath = .selected) -> UInt64 {
        path.tileKernels.xxh3(bytes, seed: seed)
    }

    /// The XXH3-64 digest of the bytes of an array.
    /// - Parameters:
    ///   - bytes: the input, of any length.
    ///   - seed: the reference's seed; 0 gives `XXH3_64bits`.
    ///   - path: the instruction set of the loop; the result does not depend on it.
    /// - Returns: `XXH3_64bits_withSeed(bytes, bytes.count, seed)`.
    /// - Complexity: O(n) for n bytes.
    package static func hash64(_ bytes: [UInt8], seed: UInt64 = 0, path: KernelPath = .selected) -> UInt64 {
        bytes.withUnsafeBytes { hash64($0, seed: seed, path: path) }
    }

    /// The XXH3-64 digest of the little-endian bytes of `floats` (IEEE 754 binary32, 4 bytes
    /// each, in order): their bytes in memory, since the package builds for little-endian
    /// machines only.
    /// - Parameters:
    ///   - floats: the input, of any length.
    ///   - seed: the reference's seed; 0 gives `XXH3_64bits`.
    ///   - path: the instruction set of the loop; the result does not depend on it.
    /// - Returns: `XXH3_64bits_withSeed(floats, 4 * floats.count, seed)`.
    /// - Complexity: O(n) for n floats.
    package static func hash64(floats: UnsafeBufferPointer<Float>, seed: UInt64 = 0,
                              path: KernelPath = .selected) -> UInt64 {
        hash64(UnsafeRawBufferPointer(floats), seed: seed, path: path)
    }
}
