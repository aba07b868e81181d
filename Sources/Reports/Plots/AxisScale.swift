/// A "nice" axis: a range that covers the data, cut by round ticks (1, 2 or 5 times a
/// power of ten).
package struct AxisScale {
    /// The lowest value shown.
    package let lower: Double
    /// The highest value shown.
    package let upper: Double
    /// The distance between ticks.
    package let step: Double

    /// A scale covering `minimum...maximum` with about `tickCount` ticks; a range of one
    /// value is widened by `padding` on each side.
    package init(covering minimum: Double, _ maximum: Double, tickCount: Int = 5, padding: Double = 0.05) {
        var low = minimum, high = maximum
        if !(high > low) {
            low -= padding
            high += padding
        }
        let rough = (high - low) / Double(max(tickCount, 1))
        var power = 1.0
        while power * 10 <= rough { power *= 10 }
        while power > rough { power /= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= rough } ?? 10 * power
        self.step = step
        lower = (low / step).rounded(.down) * step
        upper = (high / step).rounded(.up) * step
    }

    /// The scale with its range cut to `limits` (ticks stay multiples of the step).
    package func clamped(to limits: ClosedRange<Double>) -> AxisScale {
        AxisScale(lower: max(lower, limits.lowerBound), upper: min(upper, limits.upperBound), step: step)
    }

    /// A scale with the given range and step.
    package init(lower: Double, upper: Double, step: Double) {
        self.lower = lower
        self.upper = upper
        self.step = step
    }

    /// The multiples of ``step`` from ``lower`` to ``upper`` (a billionth of a step of
    /// slack on both ends absorbs rounding).
    package var ticks: [Double] {
        let first = (lower / step - 1e-9).rounded(.up), last = (upper / step + 1e-9).rounded(.down)
        guard first <= last else { return [] }
        return (Int(first)...Int(last)).map { Double($0) * step }
    }

    /// The decimals a tick label needs.
    package var digits: Int {
        var digits = 0, scaled = step
        while digits < 6 && abs(scaled - scaled.rounded()) > 1e-9 * max(1, abs(scaled)) {
            scaled *= 10
            digits += 1
        }
        return digits
    }
}
