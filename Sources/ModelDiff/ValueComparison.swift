import HDF5Kit
import Reports

/// An element of a dataset as reports show it: a number or a string.
package enum ElementValue: Equatable, Sendable, CustomStringConvertible {
    /// A number (integers are shown as whole numbers).
    case number(Double)
    /// A string.
    case string(String)

    /// The number in the fewest digits that give it back (as a 32-bit float when it is
    /// one exactly, so that float32 data reads `0.1`, not `0.10000000149011612`; whole
    /// numbers without `.0`; `nan`, `inf`), the string quoted.
    package var description: String {
        switch self {
        case .number(let value):
            if value.isFinite && value == value.rounded() && value.magnitude < 1e15 { return String(Int64(value)) }
            return Float(exactly: value).map { "\($0)" } ?? "\(value)"
        case .string(let text): return "\"\(text)\""
        }
    }
}

/// How the elements of one dataset compare between two files.
package struct ValueComparison: Equatable, Sendable {
    /// The element with the largest difference and its values on both sides.
    package struct Element: Equatable, Sendable {
        /// Its index, one entry per dimension (empty for a scalar dataset).
        package let index: [Int]
        /// The value in the first file.
        package let a: ElementValue
        /// The value in the second file.
        package let b: ElementValue

        /// An element from its parts.
        package init(index: [Int], a: ElementValue, b: ElementValue) {
            self.index = index
            self.a = a
            self.b = b
        }
    }

    /// The number of elements.
    package let elementCount: Int
    /// The elements that are not exactly equal (NaN equals NaN, +0 equals -0).
    package let changedCount: Int
    /// The elements that differ beyond the tolerance.
    package let differingCount: Int
    /// The largest `|a - b|` over the pairs of numbers that are both finite; nil for strings.
    package let largestAbsolute: Double?
    /// The largest `|a - b| / max(|a|, |b|)` over those pairs (0 where both are 0).
    package let largestRelative: Double?
    /// The worst element: a pair of which one side is not finite and the other differs,
    /// else the largest absolute difference, among the differing elements (or, when none
    /// differs, among the changed ones); nil when nothing changed.
    package let worst: Element?

    /// Whether every element is exactly equal.
    package var isIdentical: Bool { changedCount == 0 }

    /// Compares two sets of values of the same count, laid out in `shape`.
    /// - Returns: nil when the values cannot be compared: a number against a string.
    /// - Complexity: O(n).
    package static func compare(_ a: HDF5Values, _ b: HDF5Values, shape: [Int],
                               tolerance: Tolerance) -> ValueComparison? {
        precondition(a.count == b.count, "compare values of the same count")
        switch (a, b) {
        case (.strings(let left), .strings(let right)):
            return strings(left, right, shape: shape)
        case (.strings, _), (_, .strings):
            return nil
        default:
            return numbers(a.doubles, b.doubles, exactIntegers: a.isInteger && b.isInteger ? (a, b) : nil,
                           shape: shape, tolerance: tolerance)
        }
    }

    private static func strings(_ a: [String], _ b: [String], shape: [Int]) -> ValueComparison {
        let differing = a.indices.filter { a[$0] != b[$0] }
        return ValueComparison(elementCount: a.count, changedCount: differing.count, differingCount: differing.count,
                               largestAbsolute: nil, largestRelative: nil,
                               worst: differing.first.map {
                                   Element(index: index(of: $0, in: shape), a: .string(a[$0]), b: .string(b[$0]))
                               })
    }

    /// Numbers: floats by the tolerance, integers exactly (by `exactIntegers` when both
    /// sides are integers, whose values may not fit a double exactly).
    private static func numbers(_ a: [Double], _ b: [Double], exactIntegers: (HDF5Values, HDF5Values)?,
                                shape: [Int], tolerance: Tolerance) -> ValueComparison {
        var tally = Tally()
        if let (left, right) = exactIntegers {
            for i in a.indices where !left.integerElementsEqual(right, at: i) {
                tally.add(i, a[i], b[i], differs: true)
            }
        } else {
            for i in a.indices {
                let (x, y) = (a[i], b[i])
                if x == y || (x.isNaN && y.isNaN) { continue }
                tally.add(i, x, y, differs: !tolerance.accepts(x, y))
            }
        }
        return ValueComparison(elementCount: a.count, changedCount: tally.changed, differingCount: tally.differing,
                               largestAbsolute: tally.largestAbsolute, largestRelative: tally.largestRelative,
                               worst: tally.worst.map {
                                   Element(index: index(of: $0.index, in: shape), a: .number(a[$0.index]),
                                           b: .number(b[$0.index]))
                               })
    }

    /// The counts and extremes of the changed elements, gathered one element at a time.
    private struct Tally {
        var changed = 0, differing = 0
        var largestAbsolute = 0.0, largestRelative = 0.0
        var worst: (index: Int, severity: Double, differs: Bool)?

        /// Counts the changed element `i` with values `x` and `y`.
        @inline(__always)
        mutating func add(_ i: Int, _ x: Double, _ y: Double, differs: Bool) {
            changed += 1
            if differs { differing += 1 }
            let severity: Double
            if x.isFinite && y.isFinite {
                let absolute = (x - y).magnitude, scale = max(x.magnitude, y.magnitude)
                largestAbsolute = max(largestAbsolute, absolute)
                // The division only where it can raise the largest relative difference.
                if absolute > largestRelative * scale { largestRelative = absolute / scale }
                severity = absolute
            } else {
                severity = .infinity
            }
            if let current = worst, current.differs && !differs || (current.differs == differs
                                                                     && current.severity >= severity) {
                return
            }
            worst = (i, severity, differs)
        }
    }

    /// The index, one entry per dimension, of element `flat` in row-major order.
    static func index(of flat: Int, in shape: [Int]) -> [Int] {
        var remainder = flat
        var index = [Int](repeating: 0, count: shape.count)
        for dimension in shape.indices.reversed() where shape[dimension] > 0 {
            index[dimension] = remainder % shape[dimension]
            remainder /= shape[dimension]
        }
        return index
    }
}

extension HDF5Values {
    /// Every element as a double (strings as NaN; they are never compared as numbers).
    var doubles: [Double] {
        switch self {
        case .floats(let values): values
        case .signedIntegers(let values): values.map(Double.init)
        case .unsignedIntegers(let values): values.map(Double.init)
        case .strings(let values): values.map { _ in .nan }
        }
    }

    /// Whether the elements are integers.
    var isInteger: Bool {
        switch self {
        case .signedIntegers, .unsignedIntegers: true
        case .floats, .strings: false
        }
    }

    /// Whether element `i` of two integer datasets holds the same whole number.
    func integerElementsEqual(_ other: HDF5Values, at i: Int) -> Bool {
        switch (self, other) {
        case (.signedIntegers(let a), .signedIntegers(let b)): a[i] == b[i]
        case (.unsignedIntegers(let a), .unsignedIntegers(let b)): a[i] == b[i]
        case (.signedIntegers(let a), .unsignedIntegers(let b)): a[i] >= 0 && UInt64(a[i]) == b[i]
        case (.unsignedIntegers(let a), .signedIntegers(let b)): b[i] >= 0 && a[i] == UInt64(b[i])
        default: false
        }
    }
}
