/// XXH3's constants and scalar mixing steps, named as in the reference (xxhash.h).
extension XXH3Loop {
    @inlinable static var prime32_1: UInt64 { 0x9E37_79B1 }
    @inlinable static var prime32_2: UInt64 { 0x85EB_CA77 }
    @inlinable static var prime32_3: UInt64 { 0xC2B2_AE3D }
    @inlinable static var prime64_1: UInt64 { 0x9E37_79B1_85EB_CA87 }
    @inlinable static var prime64_2: UInt64 { 0xC2B2_AE3D_27D4_EB4F }
    @inlinable static var prime64_3: UInt64 { 0x1656_67B1_9E37_79F9 }
    @inlinable static var prime64_4: UInt64 { 0x85EB_CA77_C2B2_AE63 }
    @inlinable static var prime64_5: UInt64 { 0x27D4_EB2F_1656_67C5 }
    @inlinable static var primeMX1: UInt64 { 0x1656_6791_9E37_79F9 }
    @inlinable static var primeMX2: UInt64 { 0x9FB2_1C65_1E98_DF25 }

    /// The little-endian word at `offset` bytes from `base`.
    @inlinable @inline(__always)
    static func word(_ base: UnsafeRawPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// The little-endian 32-bit word at `offset` bytes from `base`.
    @inlinable @inline(__always)
    static func halfWord(_ base: UnsafeRawPointer, _ offset: Int) -> UInt32 {
        UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    /// `XXH3_mul128_fold64`: the 128-bit product `a · b`, its high half xor its low half.
    @inlinable @inline(__always)
    static func foldedProduct(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    /// `XXH3_mix16B`: 16 bytes of input keyed with 16 bytes of secret and the seed, folded.
    @inlinable @inline(__always)
    static func mix16(_ input: UnsafeRawPointer, _ secret: UnsafeRawPointer, seed: UInt64) -> UInt64 {
        foldedProduct(word(input, 0) ^ (word(secret, 0) &+ seed), word(input, 8) ^ (word(secret, 8) &- seed))
    }

    /// `XXH64_avalanche`, the final mix of lengths 0 to 3.
    @inlinable @inline(__always)
    static func avalanche64(_ hash: UInt64) -> UInt64 {
        var h = hash
        h ^= h &>> 33
        h = h &* prime64_2
        h ^= h &>> 29
        h = h &* prime64_3
        return h ^ (h &>> 32)
    }

    /// `XXH3_avalanche`, the final mix of lengths 9 and more.
    @inlinable @inline(__always)
    static func avalanche(_ hash: UInt64) -> UInt64 {
        let h = (hash ^ (hash &>> 37)) &* primeMX1
        return h ^ (h &>> 32)
    }

    /// `XXH3_rrmxmx`, the final mix of lengths 4 to 8.
    @inlinable @inline(__always)
    static func rrmxmx(_ hash: UInt64, length: Int) -> UInt64 {
        var h = hash ^ (hash &<< 49 | hash &>> 15) ^ (hash &<< 24 | hash &>> 40)
        h = h &* primeMX2
        h ^= (h &>> 35) &+ UInt64(length)
        h = h &* primeMX2
        return h ^ (h &>> 28)
    }
}
