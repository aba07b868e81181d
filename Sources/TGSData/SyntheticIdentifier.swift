import RandomStreams

/// The ids of synthetic images: 10 lowercase hex digits (40 bits), like the TGS ids.
///
/// The id of image i is a keyed bijection of i on 40-bit numbers (add a key, multiply by
/// an odd key, xor-shift, twice), with the keys drawn from `RandomStream(seed: seed,
/// name: "synth-id")`. Different images of one seed therefore never share an id, and an
/// image's id does not depend on how many images are made.
struct SyntheticIdentifier {
    private static let mask: UInt64 = (1 << 40) - 1
    private let offset: UInt64
    private let firstFactor: UInt64
    private let secondFactor: UInt64

    /// The ids of the images of `seed`.
    init(seed: UInt64) {
        var stream = RandomStream(seed: seed, name: "synth-id")
        offset = stream.nextBits() & Self.mask
        firstFactor = (stream.nextBits() & Self.mask) | 1
        secondFactor = (stream.nextBits() & Self.mask) | 1
    }

    /// The id of image `number` (0 ≤ number < 2^40).
    func id(number: Int) -> String {
        var x = (UInt64(number) &+ offset) & Self.mask
        x = (x &* firstFactor) & Self.mask
        x ^= x >> 21
        x = (x &* secondFactor) & Self.mask
        x ^= x >> 19
        let hex = String(x, radix: 16)
        return String(repeating: "0", count: 10 - hex.count) + hex
    }
}
