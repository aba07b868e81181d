/// The elementwise loop of one Adam step, for a ``TileKernels`` type to compile for its
/// instruction set (see ``RegisterTile`` for why `path` is an argument).
public enum AdamLoop {
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
