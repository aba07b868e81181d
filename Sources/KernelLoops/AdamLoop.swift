/// The elementwise loop of one Adam step, for a ``TileKernels`` type to compile for its
/// instruction set (see ``RegisterTile`` for why `path` is an argument).
public enum AdamLoop {
    /// Updates elements `range` as ``update(_:parameters:firstMoments:secondMoments:gradients:range:keep1:beta2:keep2:stepSize:correction:epsilon:)``
    /// does, one block of `blockElements` at a time (blocks counted from element 0), and
    /// right after each block, while it is in cache, writes the XXH3-64 digests (seed 0) of
    /// the block's updated parameters, first moments and second moments (their
    /// little-endian bytes) to `digests[3 b]`, `digests[3 b + 1]` and `digests[3 b + 2]`
    /// for block `b`.
    /// - Precondition: `range` starts at a block's start and ends at one's end or at the
    ///   tensor's end.
    /// - Returns: whether every gradient and every updated parameter of the range is finite.
    @inlinable @inline(never)
    public static func update<Path: TileKernels>(
        _ path: Path.Type, parameters p: UnsafeMutablePointer<Float>, firstMoments m: UnsafeMutablePointer<Float>,
        secondMoments v: UnsafeMutablePointer<Float>, gradients g: UnsafePointer<Float>, range: Range<Int>,
        keep1: Float, beta2: Float, keep2: Float, stepSize: Float, correction: Float, epsilon: Float,
        blockElements: Int, digests: UnsafeMutablePointer<UInt64>
    ) -> Bool {
        var finite = true
        var start = range.lowerBound
        while start < range.upperBound {
            let block = start..<min(range.upperBound, start + blockElements)
            finite = update(path, parameters: p, firstMoments: m, secondMoments: v, gradients: g, range: block,
                            keep1: keep1, beta2: beta2, keep2: keep2, stepSize: stepSize, correction: correction,
                            epsilon: epsilon) && finite
            let digest = digests + 3 * (start / blockElements), bytes = 4 * block.count
            digest[0] = XXH3Loop.hash64(path, UnsafeRawBufferPointer(start: p + start, count: bytes), seed: 0)
            digest[1] = XXH3Loop.hash64(path, UnsafeRawBufferPointer(start: m + start, count: bytes), seed: 0)
            digest[2] = XXH3Loop.hash64(path, UnsafeRawBufferPointer(start: v + start, count: bytes), seed: 0)
            start = block.upperBound
        }
        return finite
    }

    /// Updates elements `range`, each in this order, every operation rounded to float32
    /// (no fused multiply-add), the same in a vector lane as alone:
    /// ```
    /// m[i] = m[i] + keep1 * (g[i] - m[i])
    /// v[i] = v[i] * beta2 + (keep2 * g[i]) * g[i]
    /// p[i] = p[i] + stepSize * (m[i] / (sqrt(v[i]) / correction + epsilon))
    /// ```
    /// - Returns: whether every gradient and every updated parameter of the range is finite.
    @inlinable @inline(never)
    public static func update<Path: TileKernels>(
        _ path: Path.Type, parameters p: UnsafeMutablePointer<Float>, firstMoments m: UnsafeMutablePointer<Float>,
        secondMoments v: UnsafeMutablePointer<Float>, gradients g: UnsafePointer<Float>, range: Range<Int>,
        keep1: Float, beta2: Float, keep2: Float, stepSize: Float, correction: Float, epsilon: Float
    ) -> Bool {
        typealias Lanes = TileVector
        let width = Lanes.scalarCount
        // A float is not finite when its exponent bits are all set.
        let exponent: UInt32 = 0x7F80_0000
        var allFinite = SIMDMask<Lanes.MaskStorage>(repeating: true)
        var i = range.lowerBound
        while i + width <= range.upperBound {
            let gi = UnsafeRawPointer(g + i).loadUnaligned(as: Lanes.self)
            var mi = UnsafeRawPointer(m + i).loadUnaligned(as: Lanes.self)
            var vi = UnsafeRawPointer(v + i).loadUnaligned(as: Lanes.self)
            var pi = UnsafeRawPointer(p + i).loadUnaligned(as: Lanes.self)
            mi = mi + keep1 * (gi - mi)
            vi = vi * beta2 + (keep2 * gi) * gi
            pi = pi + stepSize * (mi / (vi.squareRoot() / correction + epsilon))
            UnsafeMutableRawPointer(m + i).storeBytes(of: mi, as: Lanes.self)
            UnsafeMutableRawPointer(v + i).storeBytes(of: vi, as: Lanes.self)
            UnsafeMutableRawPointer(p + i).storeBytes(of: pi, as: Lanes.self)
            let exponents = SIMD16<UInt32>(repeating: exponent)
            allFinite = allFinite .& (unsafeBitCast(gi, to: SIMD16<UInt32>.self) & exponents .!= exponents)
                .& (unsafeBitCast(pi, to: SIMD16<UInt32>.self) & exponents .!= exponents)
            i += width
        }
        var finite = all(allFinite)
        while i < range.upperBound {
            m[i] = m[i] + keep1 * (g[i] - m[i])
            v[i] = v[i] * beta2 + (keep2 * g[i]) * g[i]
            p[i] = p[i] + stepSize * (m[i] / (v[i].squareRoot() / correction + epsilon))
            finite = finite && g[i].bitPattern & exponent != exponent && p[i].bitPattern & exponent != exponent
            i += 1
        }
        return finite
    }
}
