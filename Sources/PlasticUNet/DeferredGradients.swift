import Kernels
import Synchronization

/// Parameter gradients of a backward pass computed as side jobs (``Kernels/SideJobs``),
/// kept until the pass stores them.
final class DeferredGradients: Sendable {
    private let jobs: SideJobs
    private let results = Mutex<[(layer: ConvolutionLayer, gradients: (weight: Tensor, bias: Tensor))]>([])

    /// Gradients computed by `jobs`.
    init(jobs: SideJobs) {
        self.jobs = jobs
    }

    /// Queues the gradients of `layer`, which `compute` makes with the kernels it is given.
    func add(_ layer: ConvolutionLayer,
             _ compute: @escaping @Sendable (any ConvolutionKernels) -> (weight: Tensor, bias: Tensor)) {
        jobs.add { [self] kernels in
            let layerGradients = compute(kernels)
            results.withLock { $0.append((layer, layerGradients)) }
        }
    }

    /// Stores the gradients finished so far in `gradients`, where each takes the place of
    /// the zeros that stood for it (and lets them go).
    func storeFinished(into gradients: inout ParameterSet) {
        let finished = results.withLock { results in
            defer { results.removeAll() }
            return results
        }
        for result in finished {
            gradients.setGradients(of: result.layer, result.gradients)
        }
    }

    /// Waits for every gradient queued (computing those that no other thread has taken) and
    /// stores them in `gradients`.
    func finish(into gradients: inout ParameterSet) {
        jobs.finish()
        storeFinished(into: &gradients)
    }
}
