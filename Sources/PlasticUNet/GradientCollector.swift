import Kernels
import Synchronization

/// A ``GradientSink`` that keeps every gradient, for the gradient set of a whole pass.
package final class GradientCollector: GradientSink {
    private let collected: Mutex<ParameterSet>

    /// A collector of the gradients of parameters with `specs`, each zero until received.
    package init(specs: [ParameterSpec]) {
        // Tensors of one shape share their zeros.
        let zeros = Dictionary(specs.map { ($0.shape, Tensor(shape: $0.shape)) },
                               uniquingKeysWith: { first, _ in first })
        collected = Mutex(ParameterSet(specs: specs, tensors: specs.map { zeros[$0.shape]! }))
    }

    package func receive(_ gradient: consuming Tensor, for name: ParameterName) {
        collected.withLock { $0.set(name, to: gradient) }
    }

    /// The gradients received so far, and zeros for the other parameters.
    package var gradients: ParameterSet {
        collected.withLock { $0 }
    }
}
