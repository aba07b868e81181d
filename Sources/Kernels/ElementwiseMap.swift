extension Tensor {
    /// A tensor of this shape whose element i is `transform(self[i])`, computed in one
    /// pass over contiguous memory (a loop the compiler can vectorize).
    /// - Complexity: O(n) for n elements.
    @inline(__always)
    func mapScalars(_ transform: (Float) -> Float) -> Tensor {
        let count = self.count
        return Tensor(shape: shape, scalars: [Float](count: count) { output in
            scalars.withReader { x in
                for i in 0..<count {
                    output[i] = transform(x[i])
                }
            }
        })
    }

    /// A tensor of this shape whose element i is `combine(self[i], other[i])`; the shapes
    /// must be equal.
    /// - Complexity: O(n) for n elements.
    @inline(__always)
    func zipScalars(_ other: Tensor, _ combine: (Float, Float) -> Float) -> Tensor {
        precondition(shape == other.shape, "shapes \(shape) and \(other.shape) differ")
        let count = self.count
        return Tensor(shape: shape, scalars: [Float](count: count) { output in
            scalars.withReader { a in
                other.scalars.withReader { b in
                    for i in 0..<count {
                        output[i] = combine(a[i], b[i])
                    }
                }
            }
        })
    }
}
