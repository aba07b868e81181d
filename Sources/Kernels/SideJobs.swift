import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Independent jobs that the worker pool's threads take up between the regions of the
/// calling thread: work off the calling thread's critical path (the weight gradients of a
/// backward pass, beside its chain of input gradients) fills the time that the workers
/// would otherwise wait. A job that a worker takes computes on that thread alone, with
/// ``kernels``; one that the caller runs itself (``add(_:)``, ``finish()``) computes with
/// ``callerKernels``, whose regions a worker joins as soon as it is free, so that no
/// thread waits through it. A region of the calling thread never waits for a worker busy
/// with a job (``WorkerPool``).
package final class SideJobs: Sendable {
    /// The kernels of the jobs that workers run: one thread's.
    package let kernels: any ConvolutionKernels
    /// The kernels of the jobs that the caller runs: the caller's own.
    package let callerKernels: any ConvolutionKernels
    /// Jobs added and not yet finished.
    private let unfinished = Atomic<Int>(0)
    /// The most jobs unfinished at once (``add(_:)``): one running on a worker, one waiting.
    static let mostUnfinished = 2

    /// Jobs that compute with `kernels` (a one-thread instance of the caller's kernels) on a
    /// worker and with `callerKernels` on the caller.
    package init(kernels: any ConvolutionKernels, callerKernels: any ConvolutionKernels) {
        self.kernels = kernels
        self.callerKernels = callerKernels
    }

    /// Queues `job`, which gets ``kernels`` on a worker and ``callerKernels`` on the caller
    /// (the results must not depend on which); it may run on any thread, at once or later,
    /// and must touch nothing that the caller or another job touches until ``finish()``
    /// returns. While ``mostUnfinished`` jobs are unfinished, the caller first runs the
    /// oldest waiting one itself: what waiting jobs hold (their inputs) stays bounded, and
    /// a caller ahead of the workers does the work it would otherwise wait for at the end.
    package func add(_ job: @escaping @Sendable (any ConvolutionKernels) -> Void) {
        while unfinished.load(ordering: .acquiring) >= Self.mostUnfinished {
            runWaitingJobOrYield()
        }
        unfinished.add(1, ordering: .relaxed)
        WorkerPool.shared.queueSideJob { [self] onWorker in
            job(onWorker ? kernels : callerKernels)
            unfinished.subtract(1, ordering: .releasing)
        }
    }

    /// Runs the jobs that no worker has taken on the calling thread, and returns once every
    /// job added has finished.
    package func finish() {
        while unfinished.load(ordering: .acquiring) > 0 {
            runWaitingJobOrYield()
        }
    }

    /// Runs the oldest job that waits for a thread here, or, if none waits (the unfinished
    /// ones are running elsewhere), lets other threads run for a moment.
    private func runWaitingJobOrYield() {
        if let job = WorkerPool.shared.takeSideJob() {
            job(false)
        } else {
            sched_yield()
        }
    }
}
