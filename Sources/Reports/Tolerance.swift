/// When two numbers count as equal: `|a - b| <= atol + rtol · max(|a|, |b|)`, a test that
/// treats both sides alike (the scale is the larger magnitude, not the first value's).
///
/// `+0` equals `-0`; an infinity equals only the same infinity; NaN equals NaN (two files
/// that hold NaN at the same place agree) but no number. With both tolerances 0 (the
/// default) the test is exact equality.
package struct Tolerance: Equatable, Sendable {
    /// The absolute tolerance, atol.
    package let absolute: Double
    /// The relative tolerance, rtol.
    package let relative: Double

    /// Exact equality.
    package static let exact = Tolerance(absolute: 0, relative: 0)

    /// A tolerance.
    /// - Precondition: both are finite and not negative.
    package init(absolute: Double, relative: Double) {
        precondition(absolute >= 0 && absolute.isFinite && relative >= 0 && relative.isFinite,
                     "tolerances must be finite and not negative")
        self.absolute = absolute
        self.relative = relative
    }

    /// Whether `a` and `b` are equal within the tolerance.
    /// - Complexity: O(1).
    @inline(__always)
    package func accepts(_ a: Double, _ b: Double) -> Bool {
        if a == b { return true }
        if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
        guard a.isFinite && b.isFinite else { return false }
        return (a - b).magnitude <= absolute + relative * max(a.magnitude, b.magnitude)
    }
}
