/// Numbers as fixed-point decimal text, independent of the locale: `FixedDecimal.text(0.5, digits: 3)`
/// is `0.500`.
package enum FixedDecimal {
    /// `value` rounded to `digits` decimals (halves away from zero), with exactly that many
    /// digits after the point; `nan` and `inf` for those values.
    package static func text(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 1e15 else { return "\(value)" }
        let units = Int64(scaled)
        let power = Int64(scale)
        let sign = value < 0 && units != 0 ? "-" : ""
        let whole = sign + String(units / power)
        guard digits > 0 else { return whole }
        let fraction = String(units % power)
        return whole + "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }
}
