/// A float, or a vector of floats transformed lane by lane: what the transforms sum.
public protocol WinogradValue {
    /// The product by a coefficient, rounded.
    static func * (coefficient: Float, value: Self) -> Self
    /// The sum, rounded.
    static func + (left: Self, right: Self) -> Self
    /// The difference, rounded: the sum with the product by -1.
    static func - (left: Self, right: Self) -> Self
    /// The negation: the product by -1.
    static prefix func - (value: Self) -> Self
}

/// One of the matrices of Winograd's arithmetic as straight-line code
/// (`scripts/generate_winograd_rows.py` writes them from the matrices of `WinogradTransform`
/// in Kernels, which defines the arithmetic): ``apply(_:)`` gives the bits of its sums.
public protocol WinogradRows {
    /// Values out.
    static var rows: Int { get }
    /// Values in.
    static var columns: Int { get }
    /// The matrix times the first ``columns`` values of `v`, in the first ``rows`` of the result.
    static func apply<Value: WinogradValue>(_ v: InlineArray<6, Value>) -> InlineArray<6, Value>
}

extension Float: WinogradValue {}
extension SIMD8: WinogradValue where Scalar == Float {}
