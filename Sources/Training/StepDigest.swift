import Kernels
import PlasticUNet

/// What a training step records of itself: 64-bit digests of its inputs and of the state it
/// leaves (docs/FORMAT.md, "Step digests"), so that another run of the same recipe can tell
/// at which step, and in which part, it parts from this one.
///
/// Every digest is XXH3-64 (seed 0). The state's parts are ``Kernels/StateDigest``s: the
/// tensors cut into blocks of 16,384 floats, each block hashed, the blocks' digests of a
/// part hashed in order. None depends on the threads or the kernel path.
package struct StepDigest: Equatable, Sendable {
    /// The image's id, its pixels and mask, the dropout decisions and the learning rate.
    package var inputs: UInt64
    /// Every trainable tensor after the step, the plastic ones included, in parameter order.
    package var parameters: UInt64
    /// The trace after the step (`hebb`, then the eta sensitivity when eta is learnt); the
    /// digest of no blocks for rule none.
    package var trace: UInt64
    /// Adam's first moments after the step, in parameter order, then its second moments.
    package var optimizer: UInt64

    /// The names of the parts, in the order of ``parts``: what a file records with them.
    package static let partNames = ["inputs", "parameters", "trace", "optimizer"]

    /// A digest from its parts.
    package init(inputs: UInt64, parameters: UInt64, trace: UInt64, optimizer: UInt64) {
        self.inputs = inputs
        self.parameters = parameters
        self.trace = trace
        self.optimizer = optimizer
    }

    /// A digest from its parts in the order of ``partNames``.
    /// - Precondition: `parts` holds four digests.
    package init(parts: [UInt64]) {
        precondition(parts.count == Self.partNames.count, "a step digest has \(Self.partNames.count) parts")
        self.init(inputs: parts[0], parameters: parts[1], trace: parts[2], optimizer: parts[3])
    }

    /// The parts in the order of ``partNames``.
    package var parts: [UInt64] { [inputs, parameters, trace, optimizer] }

    /// The names of the parts in which `other` differs, in the order of ``partNames``.
    package func differingParts(from other: StepDigest) -> [String] {
        zip(Self.partNames, zip(parts, other.parts)).filter { $1.0 != $1.1 }.map(\.0)
    }

    /// The digest of a step's inputs: XXH3-64 of the id's UTF-8 bytes (after their count, a
    /// little-endian 64-bit integer), the image's floats and the mask's bytes, each dropout
    /// layer's decisions (a byte per channel, 1 kept, 0 dropped) and scale (a float), and
    /// the learning rate (a double), all little-endian.
    /// - Complexity: O(pixels + channels).
    package static func inputs(id: String, image: [Float], mask: [UInt8], dropout: DropoutDecisions,
                               learningRate: Double) -> UInt64 {
        var bytes: [UInt8] = []
        let name = Array(id.utf8)
        append(UInt64(name.count), to: &bytes)
        bytes += name
        for pixel in image { append(pixel.bitPattern, to: &bytes) }
        bytes += mask
        for layer in dropout.layers {
            bytes += layer.keep.map { $0 ? 1 : 0 }
            append(layer.scale.bitPattern, to: &bytes)
        }
        append(learningRate.bitPattern, to: &bytes)
        return XXH3.hash64(bytes)
    }

    /// The digests of the state a step leaves, in a pass of their own: the same digests as
    /// Adam's update computes as it goes (``AdamUpdate``, a tensor at a time, or
    /// ``Adam/updateDigesting(_:gradients:learningRate:threadCount:)``, the whole set at
    /// once) and ``trace(_:)``.
    /// - Complexity: O(parameters).
    package static func state(parameters: ParameterSet, trace: PlasticTrace?,
                              optimizer: Adam) -> (parameters: UInt64, trace: UInt64, optimizer: UInt64) {
        let blocks = { (tensors: [Tensor]) in tensors.flatMap { StateDigest.blockDigests(of: $0.scalars) } }
        return (StateDigest.combine(blocks(parameters.tensors)), Self.trace(trace),
                StateDigest.combine(blocks(optimizer.firstMoments) + blocks(optimizer.secondMoments)))
    }

    /// The digest of `trace` (nil for rule none).
    /// - Complexity: O(S²).
    package static func trace(_ trace: PlasticTrace?) -> UInt64 {
        let tensors = [trace?.hebb, trace?.etaSensitivity].compactMap { $0 }
        return StateDigest.combine(tensors.flatMap { StateDigest.blockDigests(of: $0.scalars) })
    }

    private static func append<Integer: FixedWidthInteger>(_ value: Integer, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }
}
