/// XXH3-64 (xxHash 3, 64 bits), for a ``TileKernels`` type to compile for its instruction
/// set (see ``RegisterTile`` for why `path` is an argument): every step is integer
/// arithmetic modulo 2^64, so every instruction set gives the reference's bits.
public enum XXH3Loop {
    /// The reference's `XXH3_64bits_withSeed(bytes, bytes.count, seed)` with the default
    /// secret; seed 0 gives `XXH3_64bits`.
    ///
    /// Inputs of 0, 1–3, 4–8, 9–16, 17–128 and 129–240 bytes are each mixed their own way
    /// with the default secret and the seed; longer ones are accumulated in 64-byte
    /// stripes, 16 to a block, with the secret derived from the seed.
    /// - Parameters:
    ///   - path: the instruction set's type; every function that the hash does not inline
    ///     takes it too, so that each instruction set's copy has a name of its own.
    ///   - bytes: the input, of any length.
    ///   - seed: the reference's seed.
    /// - Complexity: O(n) for n bytes.
    @inlinable
    public static func hash64<Path: TileKernels>(_ path: Path.Type, _ bytes: UnsafeRawBufferPointer,
                                                 seed: UInt64) -> UInt64 {
        let length = bytes.count
        guard length > 240 else {
            return XXH3Secret.withStandard { hashShort(path, bytes, seed: seed, secret: $0) }
        }
        let input = bytes.baseAddress!
        guard seed != 0 else {
            return XXH3Secret.withStandard { hashLong(path, input, length: length, secret: $0) }
        }
        return XXH3Secret.withDerived(seed: seed) { hashLong(path, input, length: length, secret: $0) }
    }

    /// Inputs of at most 240 bytes, with the default secret at `secret`.
    @inlinable @inline(__always)
    static func hashShort<Path: TileKernels>(_ path: Path.Type, _ bytes: UnsafeRawBufferPointer, seed: UInt64,
                                             secret: UnsafeRawPointer) -> UInt64 {
        let length = bytes.count
        guard let input = bytes.baseAddress, length > 0 else {
            return avalanche64(seed ^ word(secret, 56) ^ word(secret, 64))
        }
        switch length {
        case 1...3:
            let first = UInt32(input.load(as: UInt8.self))
            let middle = UInt32(input.load(fromByteOffset: length &>> 1, as: UInt8.self))
            let last = UInt32(input.load(fromByteOffset: length &- 1, as: UInt8.self))
            let combined = first &<< 16 | middle &<< 24 | last | UInt32(length) &<< 8
            let flip = UInt64(halfWord(secret, 0) ^ halfWord(secret, 4)) &+ seed
            return avalanche64(UInt64(combined) ^ flip)
        case 4...8:
            let seed = seed ^ UInt64(UInt32(truncatingIfNeeded: seed).byteSwapped) &<< 32
            let flip = (word(secret, 8) ^ word(secret, 16)) &- seed
            let combined = UInt64(halfWord(input, length &- 4)) &+ UInt64(halfWord(input, 0)) &<< 32
            return rrmxmx(combined ^ flip, length: length)
        case 9...16:
            let low = word(input, 0) ^ ((word(secret, 24) ^ word(secret, 32)) &+ seed)
            let high = word(input, length &- 8) ^ ((word(secret, 40) ^ word(secret, 48)) &- seed)
            return avalanche(UInt64(length) &+ low.byteSwapped &+ high &+ foldedProduct(low, high))
        case 17...128:
            return hashMidsize(path, input, length: length, seed: seed, secret: secret)
        default:
            return hashLongMidsize(path, input, length: length, seed: seed, secret: secret)
        }
    }

    /// Inputs of 17 to 128 bytes (`XXH3_len_17to128_64b`): 16-byte pieces in pairs from
    /// both ends, as many pairs as 32 bytes go into the length, rounded up.
    @inlinable @inline(__always)
    static func hashMidsize<Path: TileKernels>(_ path: Path.Type, _ input: UnsafeRawPointer, length: Int, seed: UInt64,
                                               secret: UnsafeRawPointer) -> UInt64 {
        var sum = UInt64(length) &* prime64_1
        if length > 32 {
            if length > 64 {
                if length > 96 {
                    sum = sum &+ mix16(input + 48, secret + 96, seed: seed)
                    sum = sum &+ mix16(input + (length &- 64), secret + 112, seed: seed)
                }
                sum = sum &+ mix16(input + 32, secret + 64, seed: seed)
                sum = sum &+ mix16(input + (length &- 48), secret + 80, seed: seed)
            }
            sum = sum &+ mix16(input + 16, secret + 32, seed: seed)
            sum = sum &+ mix16(input + (length &- 32), secret + 48, seed: seed)
        }
        sum = sum &+ mix16(input, secret, seed: seed)
        sum = sum &+ mix16(input + (length &- 16), secret + 16, seed: seed)
        return avalanche(sum)
    }

    /// Inputs of 129 to 240 bytes (`XXH3_len_129to240_64b`): the first 8 pieces of 16
    /// bytes, avalanched, then the other whole pieces and the last 16 bytes.
    @inlinable @inline(__always)
    static func hashLongMidsize<Path: TileKernels>(_ path: Path.Type, _ input: UnsafeRawPointer, length: Int,
                                                   seed: UInt64, secret: UnsafeRawPointer) -> UInt64 {
        var sum = UInt64(length) &* prime64_1
        for piece in 0..<8 {
            sum = sum &+ mix16(input + 16 &* piece, secret + 16 &* piece, seed: seed)
        }
        var tail = mix16(input + (length &- 16), secret + 136 - 17, seed: seed)
        for piece in 8..<length / 16 {
            tail = tail &+ mix16(input + 16 &* piece, secret + (16 &* (piece &- 8) &+ 3), seed: seed)
        }
        return avalanche(avalanche(sum) &+ tail)
    }

    /// Inputs of more than 240 bytes (`XXH3_hashLong_64b_internal`) keyed with the 192
    /// bytes at `secret`: blocks of 16 stripes, each block's stripes keyed from secret byte
    /// 0 on and the block scrambled with the secret's last 64 bytes; then the stripes of
    /// the last, partial block, and the input's last 64 bytes as one more stripe.
    @inlinable @inline(never)
    static func hashLong<Path: TileKernels>(_ path: Path.Type, _ input: UnsafeRawPointer, length: Int,
                                            secret: UnsafeRawPointer) -> UInt64 {
        var accumulators = XXH3Accumulators<Path>()
        let blocks = (length &- 1) / 1024
        for block in 0..<blocks {
            accumulators.accumulate(stripes: 16, from: input + block &* 1024, secret: secret)
            accumulators.scramble(secret: secret + 192 - 64)
        }
        let rest = blocks &* 1024
        accumulators.accumulate(stripes: (length &- 1 &- rest) / 64, from: input + rest, secret: secret)
        accumulators.accumulate(stripe: input + (length &- 64), secret: secret + 192 - 64 - 7)
        return accumulators.merged(secret: secret + 11, start: UInt64(length) &* prime64_1)
    }
}
