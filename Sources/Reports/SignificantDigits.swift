import Foundation

/// Numbers in a few significant digits, for differences and tolerances, whose sizes vary
/// too much for a fixed number of decimals: `0.0003`, `1.5e-08`, `nan`.
package enum SignificantDigits {
    /// `value` in at most five significant digits (C's `%.5g`); `nan`, `inf` and `-inf`
    /// for those values.
    package static func text(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        return String(format: "%.5g", value)
    }
}
