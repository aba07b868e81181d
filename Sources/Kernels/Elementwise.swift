/// Elementwise arithmetic on tensors of one shape.
package enum Elementwise {
    /// `a + b` elementwise (IEEE 754 single-precision addition).
    /// - Parameters:
    ///   - a: any shape.
    ///   - b: the shape of `a`.
    ///   - path: the kernel path whose loop computes it; every path gives the same bits.
    ///   - threadCount: the most threads that share it; the result does not depend on it.
    /// - Returns: the sum, of the same shape.
    /// - Complexity: O(n) for n elements.
    package static func add(_ a: Tensor, _ b: Tensor, path: KernelPath = .selected, threadCount: Int = 1) -> Tensor {
        a.zipScalars(b, threadCount: threadCount, loop: path.tileKernels.add)
    }
}
