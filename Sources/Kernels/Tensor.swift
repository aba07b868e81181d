/// A dense float32 array with a shape, stored in row-major order.
///
/// Activations of the network are `[channels, height, width]` (the batch is always one
/// sample); convolution weights are `[out, in, kh, kw]`, transposed-convolution weights
/// `[in, out, kh, kw]`. A value type: copies share storage until one is written.
package struct Tensor: Equatable, Sendable {
    /// The extent of each dimension, outermost first.
    package let shape: [Int]
    /// The elements in row-major order; `scalars.count` is the product of `shape`.
    package var scalars: [Float]

    /// A tensor of `shape` holding `scalars` in row-major order.
    /// - Precondition: `scalars.count` equals the product of `shape`.
    package init(shape: [Int], scalars: [Float]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "negative dimension in \(shape)")
        precondition(scalars.count == shape.reduce(1, *),
                     "\(scalars.count) scalars do not fill shape \(shape)")
        self.shape = shape
        self.scalars = scalars
    }

    /// A tensor of `shape` filled with `value` (zero by default).
    package init(shape: [Int], repeating value: Float = 0) {
        self.init(shape: shape, scalars: [Float](repeating: value, count: shape.reduce(1, *)))
    }

    /// The number of elements.
    package var count: Int { scalars.count }
}
