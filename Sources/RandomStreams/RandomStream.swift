import PortableMath

/// A named, reproducible stream of random numbers derived from one seed.
///
/// Draw number `i` (counting from 1) of a stream is SplitMix64's output function applied
/// to `key &+ i &* 0x9E3779B97F4A7C15`, where the key is derived from the seed, the
/// stream's name and an index (see ``StreamKey``). So a stream is fixed by
/// `(seed, name, index)` alone and its state is one counter, `position`: no stream's
/// numbers depend on how many numbers another stream has drawn.
///
/// The distributions are the project's own (see the methods), so that the numbers do not
/// change with the standard library's random-number mappings.
package struct RandomStream: Sendable, Equatable {
    /// The seed of the run.
    package let seed: UInt64
    /// The stream's name, for example `"split"` or `"init:plastic/w"`.
    package let name: String
    /// The stream's index within its name, for example the epoch of a shuffle.
    package let index: UInt64
    /// The number of 64-bit draws made so far.
    package private(set) var position: UInt64
    private let key: UInt64

    /// Creates the stream `(seed, name, index)`, positioned after `position` draws.
    package init(seed: UInt64, name: String, index: UInt64 = 0, position: UInt64 = 0) {
        self.seed = seed
        self.name = name
        self.index = index
        self.position = position
        self.key = StreamKey.derive(seed: seed, name: name, index: index)
    }

    /// The next 64 uniformly distributed bits.
    /// - Complexity: O(1).
    package mutating func nextBits() -> UInt64 {
        position &+= 1
        return SplitMix64.mix(key &+ position &* SplitMix64.golden)
    }

    /// A uniform `Float` in [0, 1): the top 24 bits of one draw, times 2^-24.
    package mutating func nextFloat() -> Float {
        Float(nextBits() >> 40) * 0x1p-24
    }

    /// A uniform `Double` in [0, 1): the top 53 bits of one draw, times 2^-53.
    package mutating func nextDouble() -> Double {
        Double(nextBits() >> 11) * 0x1p-53
    }

    /// A uniform integer in `0..<bound`, without bias: draws at or above the largest
    /// multiple of `bound` that fits in 64 bits are rejected and redrawn.
    /// - Precondition: `bound > 0`.
    package mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let range = UInt64(bound)
        let limit = UInt64.max - (UInt64.max % range + 1) % range
        while true {
            let bits = nextBits()
            if bits <= limit { return Int(bits % range) }
        }
    }

    /// A standard normal `Double` by Marsaglia's polar method, with the portable
    /// logarithm. Each accepted pair yields one number (the second is discarded, so the
    /// state stays one counter).
    package mutating func nextNormal() -> Double {
        while true {
            let u = 2 * nextDouble() - 1
            let v = 2 * nextDouble() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                return u * (-2 * PortableMath.log(s) / s).squareRoot()
            }
        }
    }

    /// Shuffles `elements` in place by Fisher–Yates, from the last position down.
    /// - Complexity: O(n) draws.
    package mutating func shuffle<Element>(_ elements: inout [Element]) {
        guard elements.count > 1 else { return }
        for i in stride(from: elements.count - 1, to: 0, by: -1) {
            let j = nextInt(below: i + 1)
            elements.swapAt(i, j)
        }
    }
}
