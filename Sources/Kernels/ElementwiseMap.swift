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
    /// (`loop(input, output, count)`): a kernel path's loop, compiled for its instruction set,
    /// on pieces of the tensor spread over up to `threadCount` threads.
    func mapScalars(
        threadCount: Int = 1, loop: @escaping @Sendable (UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int) -> Void
    ) -> Tensor {
        let count = self.count
        return Tensor(shape: shape, scalars: [Float](count: count) { output in
            scalars.withReader { x in
                nonisolated(unsafe) let (x, output) = (x.start, output.start)
                Self.inPieces(count, threadCount: threadCount) { range in
                    loop(x + range.lowerBound, output + range.lowerBound, range.count)
                }
            }
        })
    }

    /// A tensor of this shape that `loop` writes, every element, from this tensor's scalars
    /// and `other`'s, of the same shape (`loop(a, b, output, count)`): a kernel path's loop,
    /// on pieces spread over up to `threadCount` threads.
    func zipScalars(
        _ other: Tensor, threadCount: Int = 1,
        loop: @escaping @Sendable (UnsafePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int) -> Void
    ) -> Tensor {
        precondition(shape == other.shape, "shapes \(shape) and \(other.shape) differ")
        let count = self.count
        return Tensor(shape: shape, scalars: [Float](count: count) { output in
            scalars.withReader { a in
                other.scalars.withReader { b in
                    nonisolated(unsafe) let (a, b, output) = (a.start, b.start, output.start)
                    Self.inPieces(count, threadCount: threadCount) { range in
                        loop(a + range.lowerBound, b + range.lowerBound, output + range.lowerBound, range.count)
                    }
                }
            }
        })
    }

    /// Calls `body` for consecutive pieces of `0..<count`, each of ``piece`` elements (the
    /// last one shorter), on up to `threadCount` threads: one call for a tensor of one piece.
    private static func inPieces(_ count: Int, threadCount: Int, _ body: @Sendable (Range<Int>) -> Void) {
        let pieces = max(1, (count + piece - 1) / piece)
        ParallelRunner(threadCount: threadCount).run(taskCount: pieces) { index in
            body(index * piece..<min(count, (index + 1) * piece))
        }
    }

    /// The elements of one piece of an elementwise map: large enough that the thread that
    /// takes it pays for its start.
    private static let piece = 1 << 15
}
