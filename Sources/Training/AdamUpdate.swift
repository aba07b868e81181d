import Kernels
import PlasticUNet

/// One update of ``Adam`` made a tensor at a time during a backward pass: the pass reads
/// the parameters from it (``PlasticUNet/ParameterSource``) and hands it each gradient as
/// soon as it is made (``PlasticUNet/GradientSink``), and the tensor is updated in place
/// at once, on the thread that hands the gradient over, while the gradient is still in
/// that core's cache; the gradient is let go right after. The pass never reads a weight
/// after handing over its gradient, so it sees the values of before.
///
/// ``Adam/beginUpdate(of:learningRate:digesting:)`` makes one, which holds the parameters
/// and Adam's moments (alone, so that they change without a copy) until
/// ``Adam/finishUpdate(_:)`` takes them back. Each tensor's update is that of
/// ``Adam/update(_:gradients:learningRate:threadCount:)``, bit for bit, whichever thread
/// makes it and in whatever order.
package final class AdamUpdate: ParameterSource, GradientSink, @unchecked Sendable {
    /// One tensor, written by the one thread that receives its gradient.
    private struct Slot {
        var parameter: Tensor
        var firstMoment: Tensor
        var secondMoment: Tensor
        /// Whether its gradient has been received.
        var updated = false
        /// The digests of the updated blocks, when digesting (``AdamArithmetic``).
        var blockDigests: [UInt64] = []
        /// Whether the gradient and the updated parameters are finite.
        var finite = true
        /// Whether the gradient is finite.
        var gradientFinite = true
    }

    private let specs: [ParameterSpec]
    private let indexByName: [ParameterName: Int]
    private let coefficients: AdamArithmetic.Coefficients
    private let digesting: Bool
    /// One slot per tensor, in spec order; each is touched by one thread at a time.
    private let slots: UnsafeMutableBufferPointer<Slot>

    /// An update of `parameters` with the step's `coefficients`, holding the parameters and
    /// the moments.
    init(parameters: consuming ParameterSet, firstMoments: [Tensor], secondMoments: [Tensor],
         coefficients: AdamArithmetic.Coefficients, digesting: Bool) {
        specs = parameters.specs
        indexByName = ParameterSet.indexByName(of: specs)
        self.coefficients = coefficients
        self.digesting = digesting
        slots = .allocate(capacity: specs.count)
        for index in specs.indices {
            (slots.baseAddress! + index).initialize(to: Slot(parameter: parameters.tensors[index],
                                                             firstMoment: firstMoments[index],
                                                             secondMoment: secondMoments[index]))
        }
    }

    deinit {
        slots.deinitialize().deallocate()
    }

    /// The tensor named `name`, as it was before the update.
    /// - Precondition: its gradient has not been received.
    package func require(_ name: ParameterName) -> Tensor {
        let index = index(of: name)
        precondition(!slots[index].updated, "\(name) read after its gradient")
        return slots[index].parameter
    }

    /// Updates the tensor named `name` with its gradient.
    /// - Precondition: no gradient of `name` was received before.
    package func receive(_ gradient: consuming Tensor, for name: ParameterName) {
        let index = index(of: name)
        precondition(!slots[index].updated, "a second gradient of \(name)")
        update(index, gradient: gradient.scalars)
    }

    /// The outcome of the whole update, after zero gradients for the tensors that received
    /// none, with each tensor's block digests when digesting; to be called once the pass
    /// has returned.
    func finish() -> (parameters: ParameterSet, firstMoments: [Tensor], secondMoments: [Tensor],
                      firstNonFinite: Adam.NonFiniteTensor?, blockDigests: [[UInt64]]?) {
        for index in slots.indices where !slots[index].updated {
            update(index, gradient: [Float](repeating: 0, count: specs[index].scalarCount))
        }
        let firstNonFinite = slots.indices.first { !slots[$0].finite }.map {
            Adam.NonFiniteTensor(index: $0, inGradient: !slots[$0].gradientFinite)
        }
        return (ParameterSet(specs: specs, tensors: slots.map(\.parameter)), slots.map(\.firstMoment),
                slots.map(\.secondMoment), firstNonFinite, digesting ? slots.map(\.blockDigests) : nil)
    }

    private func index(of name: ParameterName) -> Int {
        guard let index = indexByName[name] else { preconditionFailure("no parameter \(name)") }
        return index
    }

    /// Updates tensor `index` with `gradient`, in place, on this thread.
    private func update(_ index: Int, gradient: [Float]) {
        let slot = slots.baseAddress! + index
        let update = Adam.updateTensor(&slot.pointee.parameter.scalars, firstMoments: &slot.pointee.firstMoment.scalars,
                                       secondMoments: &slot.pointee.secondMoment.scalars, gradients: gradient,
                                       coefficients: coefficients, threadCount: 1, digesting: digesting)
        slot.pointee.updated = true
        slot.pointee.blockDigests = update.blockDigests
        slot.pointee.finite = update.finite
        slot.pointee.gradientFinite = update.finite || gradient.allSatisfy(\.isFinite)
    }
}
