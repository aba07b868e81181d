/// Digests of tensors that do not depend on the threads or the kernel path: a tensor is cut
/// into blocks of ``blockElements`` floats (the last one shorter), each block is hashed
/// with XXH3-64 (seed 0) over its little-endian bytes, and a sequence of tensors is one
/// digest, ``combine(_:)`` of their blocks' digests in order. Adam's update computes the
/// blocks' digests of the parameters and moments in the same pass that updates them
/// (``AdamArithmetic/update(parameters:firstMoments:secondMoments:gradients:coefficients:threadCount:path:digests:)``);
/// ``blockDigests(of:path:)`` computes them for any tensor.
package enum StateDigest {
    /// The floats of one block: 64 KiB, so that a block of the parameters and of both
    /// moments stays in cache while it is updated and hashed.
    package static let blockElements = 1 << 14

    /// The blocks of `count` elements.
    package static func blockCount(_ count: Int) -> Int {
        (count + blockElements - 1) / blockElements
    }

    /// The digests of the blocks of `scalars`, in order.
    /// - Parameter path: the instruction set of the hash; the digests do not depend on it.
    /// - Complexity: O(n) for n elements.
    package static func blockDigests(of scalars: [Float], path: KernelPath = .selected) -> [UInt64] {
        scalars.withUnsafeBufferPointer { buffer in
            stride(from: 0, to: buffer.count, by: blockElements).map { start in
                XXH3.hash64(floats: UnsafeBufferPointer(rebasing: buffer[start..<min(buffer.count, start + blockElements)]),
                            path: path)
            }
        }
    }

    /// One digest of a sequence of digests: XXH3-64 (seed 0) of their little-endian bytes,
    /// 8 each, in order.
    /// - Complexity: O(n) for n digests.
    package static func combine(_ digests: [UInt64], path: KernelPath = .selected) -> UInt64 {
        digests.map(\.littleEndian).withUnsafeBytes { XXH3.hash64($0, path: path) }
    }
}
