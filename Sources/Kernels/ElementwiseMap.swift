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

    /// A tensor of this shape that `loop` writes, every element, from this tensor's scalars
    /// (`loop(input, output, count)`): a kernel path's loop, compiled for its instruction set.
    func mapScalars(loop: (UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int) -> Void) -> Tensor {
        let count = self.count
        return Tensor(shape: shape, scalars: [Float](count: count) { output in
            scalars.withReader { x in loop(x.start, output.start, count) }
        })
    }

    /// A tensor of this shape that `loop` writes, every element, from this tensor's scalars
    /// and `other`'s, of the same shape (`loop(a, b, output, count)`): a kernel path's loop.
    func zipScalars(
        _ other: Tensor, loop: (UnsafePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int) -> Void
    ) -> Tensor {
        precondition(shape == other.shape, "shapes \(shape) and \(other.shape) differ")
        let count = self.count
        return Tensor(shape: shape, scalars: [Float](count: count) { output in
            scalars.withReader { a in
                other.scalars.withReader { b in loop(a.start, b.start, output.start, count) }
            }
        })
    }
}
