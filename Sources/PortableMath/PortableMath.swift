/// Elementary functions computed with IEEE 754 basic operations only.
///
/// Every result depends on nothing but the argument: not on the C library, the CPU or
/// the compiler's choice of instructions. The trainer's bit-for-bit promise rests on this
/// (the platform's `exp` and `log` may differ by an ulp between library versions).
/// Both functions are accurate to about one ulp; neither raises floating-point flags on
/// purpose.
package enum PortableMath {
    /// ln 2 split so that `k * ln2High` is exact for |k| < 2^20.
    private static let ln2High: Double = 6.93147180369123816490e-01
    private static let ln2Low: Double = 1.90821492927058770002e-10
    private static let inverseLn2: Double = 1.44269504088896338700e+00
    /// 1/n! for n = 0...13, each correctly rounded (n! is exact in a Double up to 18!).
    private static let inverseFactorials: [Double] = {
        var factorial = 1.0
        return (0...13).map { n in
            if n > 0 { factorial *= Double(n) }
            return 1 / factorial
        }
    }()

    /// The natural logarithm of `x`.
    ///
    /// Returns NaN for NaN and negative arguments, -infinity for zero and +infinity for
    /// +infinity.
    /// - Complexity: O(1), about 30 floating-point operations.
    package static func log(_ x: Double) -> Double {
        if x.isNaN || x < 0 { return .nan }
        if x == 0 { return -.infinity }
        if x == .infinity { return .infinity }
        var value = x
        var exponent = 0
        if value < Double.leastNormalMagnitude {
            value *= 0x1p54
            exponent -= 54
        }
        let bits = value.bitPattern
        exponent += Int((bits >> 52) & 0x7ff) - 1023
        // The significand m in [1, 2), then moved into [sqrt(1/2), sqrt(2)].
        var m = Double(bitPattern: (bits & 0x000f_ffff_ffff_ffff) | 0x3ff0_0000_0000_0000)
        if m > 1.4142135623730951 {
            m *= 0.5
            exponent += 1
        }
        // log(m) = 2 atanh(s) with s = (m - 1) / (m + 1), |s| < 0.172; m - 1 is exact.
        let f = m - 1
        let s = f / (2 + f)
        let z = s * s
        var series = 1.0 / 23
        for k in stride(from: 10, through: 1, by: -1) {
            series = 1.0 / Double(2 * k + 1) + z * series
        }
        let logM = 2 * s + 2 * s * (z * series)
        let e = Double(exponent)
        return e * ln2High + (logM + e * ln2Low)
    }

    /// e raised to the power `x`.
    ///
    /// Returns +infinity above about 709.78 and zero below about -745.13.
    /// - Complexity: O(1), about 35 floating-point operations.
    package static func exp(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x > 709.782712893384 { return .infinity }
        if x < -745.1332191019412 { return 0 }
        // x = k ln2 + r with |r| <= ln2 / 2.
        let k = (x * inverseLn2).rounded(.toNearestOrEven)
        let r = (x - k * ln2High) - k * ln2Low
        var p = inverseFactorials[inverseFactorials.count - 1]
        for n in stride(from: inverseFactorials.count - 2, through: 0, by: -1) {
            p = inverseFactorials[n] + r * p
        }
        return scaleByPowerOfTwo(p, Int(k))
    }

    /// `value * 2^k`, done in steps that stay within the normal range where they can.
    private static func scaleByPowerOfTwo(_ value: Double, _ k: Int) -> Double {
        var result = value
        var remaining = k
        while remaining > 1000 {
            result *= powerOfTwo(1000)
            remaining -= 1000
        }
        while remaining < -1000 {
            result *= powerOfTwo(-1000)
            remaining += 1000
        }
        return result * powerOfTwo(remaining)
    }

    /// 2^k for -1022 <= k <= 1023, built from its bit pattern.
    private static func powerOfTwo(_ k: Int) -> Double {
        Double(bitPattern: UInt64(k + 1023) << 52)
    }
}
