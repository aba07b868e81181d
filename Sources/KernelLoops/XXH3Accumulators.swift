#if _endian(big)
#error("XXH3Loop reads its input and secret as vectors of little-endian words")
#endif

/// The eight 64-bit accumulators of XXH3's inputs longer than 240 bytes, in one vector, as
/// compiled in the module of `Path` (see ``RegisterTile`` for why `Path` is a parameter).
///
/// A 64-byte stripe of input adds to lane i the product of the two 32-bit halves of
/// `input[i] ^ secret[i]` and the input word of the lane's pair partner, `input[i ^ 1]`
/// (`XXH3_accumulate_512`): vector multiplies of 32-bit halves into 64-bit lanes, which
/// every instruction set has (pmuludq, vpmuludq, umull).
@frozen @usableFromInline
struct XXH3Accumulators<Path: TileKernels> {
    /// The lanes as `XXH3_accumulate_512` numbers them.
    @usableFromInline
    var lanes: SIMD8<UInt64>

    /// The reference's starting values (`XXH3_INIT_ACC`).
    @inlinable @inline(__always)
    init() {
        lanes = SIMD8(XXH3Loop.prime32_3, XXH3Loop.prime64_1, XXH3Loop.prime64_2, XXH3Loop.prime64_3,
                      XXH3Loop.prime64_4, XXH3Loop.prime32_2, XXH3Loop.prime64_5, XXH3Loop.prime32_1)
    }

    /// Adds the stripe of 64 bytes at `input`, keyed with the 64 bytes of secret at `secret`.
    @inlinable @inline(__always)
    mutating func accumulate(stripe input: UnsafeRawPointer, secret: UnsafeRawPointer) {
        let data = input.loadUnaligned(as: SIMD8<UInt64>.self)
        let keyed = data ^ secret.loadUnaligned(as: SIMD8<UInt64>.self)
        let partners = SIMD8(data[1], data[0], data[3], data[2], data[5], data[4], data[7], data[6])
        lanes = lanes &+ partners &+ (keyed & 0xFFFF_FFFF) &* (keyed &>> 32)
    }

    /// Adds `count` consecutive stripes from `input`, stripe n keyed with the secret from
    /// byte 8n (`XXH3_accumulate`).
    @inlinable @inline(__always)
    mutating func accumulate(stripes count: Int, from input: UnsafeRawPointer, secret: UnsafeRawPointer) {
        for n in 0..<count {
            accumulate(stripe: input + n &* 64, secret: secret + n &* 8)
        }
    }

    /// Scrambles the lanes with the 64 bytes of secret at `secret`, after each block
    /// (`XXH3_scrambleAcc`).
    @inlinable @inline(__always)
    mutating func scramble(secret: UnsafeRawPointer) {
        let mixed = lanes ^ (lanes &>> 47) ^ secret.loadUnaligned(as: SIMD8<UInt64>.self)
        lanes = mixed &* XXH3Loop.prime32_1
    }

    /// The digest: `start` plus the pairs of lanes keyed with the 64 bytes at `secret` and
    /// folded, avalanched (`XXH3_mergeAccs`).
    @inlinable @inline(__always)
    func merged(secret: UnsafeRawPointer, start: UInt64) -> UInt64 {
        var sum = start
        for pair in 0..<4 {
            sum = sum &+ XXH3Loop.foldedProduct(lanes[2 &* pair] ^ XXH3Loop.word(secret, 16 &* pair),
                                                lanes[2 &* pair &+ 1] ^ XXH3Loop.word(secret, 16 &* pair &+ 8))
        }
        return XXH3Loop.avalanche(sum)
    }
}
