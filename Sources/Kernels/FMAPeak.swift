import Dispatch
import KernelLoops
import Synchronization

/// The machine's limit for a kernel path: the rate of floating-point operations that
/// independent chains of fused multiply-adds reach in registers, on one thread per core,
/// in the path's own instructions (a fused multiply-add counts 2 operations).
///
/// No convolution can go faster on that path with that many threads: the figure that
/// `bench` reports every GFLOP/s against. The loop is each path's
/// ``KernelLoops/TileKernels/fmaPeakLoop(iterations:)``, compiled in the path's module
/// (AVX2: 12 chains of 8 floats in ymm registers; AVX-512: 16 chains of 16 in zmm;
/// portable: 16 chains of 4, where on x86-64 each lane is a call to `fmaf`).
package enum FMAPeak {
    /// The seconds that one measured repetition aims at: short, so that on a machine that
    /// other work shares, some repetitions find every thread running at once.
    static let repetitionSeconds = 0.002
    /// The seconds of repetitions in all (at least ``minimumRepetitions`` of them).
    static let measuringSeconds = 0.08
    /// The fewest repetitions.
    static let minimumRepetitions = 5

    /// The chains of `path`'s loop and the floats of each: one iteration is
    /// `chains · lanes` fused multiply-adds.
    package static func shape(of path: KernelPath) -> (chains: Int, lanes: Int) {
        path.tileKernels.fmaPeakShape
    }

    /// `path`'s loop run `iterations` times on this thread: the sum of its chains' lanes,
    /// which ``KernelLoops/FMAPeakChains`` documents (after 2 iterations, 600 for 16 chains
    /// of 4 floats, 1284 for 12 of 8, 8544 for 16 of 16).
    package static func loop(path: KernelPath, iterations: Int) -> Float {
        path.tileKernels.fmaPeakLoop(iterations: iterations)
    }

    /// Measures `path`'s peak on `threads` threads at once, in GFLOP/s (10⁹ floating-point
    /// operations per second, a fused multiply-add counting 2).
    ///
    /// The iterations are chosen on one thread so that a repetition takes about
    /// ``repetitionSeconds``; then every thread runs them at once on the kernels' worker
    /// pool, repetition after repetition for ``measuringSeconds``, and the fastest
    /// repetition counts (its wall time, from the start of the first thread to the end of
    /// the last: the threads really ran at once). About 0.1 s in all.
    /// - Parameters:
    ///   - path: a path this CPU supports.
    ///   - threads: the threads, at least 1: one per core for the machine's limit.
    package static func measure(path: KernelPath, threads: Int) -> Double {
        precondition(path.isSupported, "the \(path.rawValue) kernel path is not supported by this CPU")
        precondition(threads >= 1, "the peak needs at least one thread")
        let kernels = path.tileKernels
        let (chains, lanes) = kernels.fmaPeakShape
        var iterations = 64
        var seconds = timed { consume(kernels.fmaPeakLoop(iterations: iterations)) }
        while seconds < repetitionSeconds / 16 && iterations < 1 << 40 {
            iterations *= 8
            seconds = timed { consume(kernels.fmaPeakLoop(iterations: iterations)) }
        }
        let measured = max(1, Int(Double(iterations) * repetitionSeconds / seconds))
        let perRepetition = Double(threads) * 2 * Double(chains * lanes) * Double(measured)
        var (fastest, total, count) = (Double.infinity, 0.0, 0)
        while count < minimumRepetitions || total < measuringSeconds {
            let seconds = timed {
                WorkerPool.shared.run(parts: threads) { _ in consume(kernels.fmaPeakLoop(iterations: measured)) }
            }
            (fastest, total, count) = (min(fastest, seconds), total + seconds, count + 1)
        }
        return perRepetition / fastest / 1e9
    }

    /// The wall time of `body`, in seconds.
    private static func timed(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// The loops' results, kept so that they count as used.
    private static let results = Atomic<UInt32>(0)

    /// Keeps `value`, a loop's result, so that the compiler cannot drop the loop that made
    /// it; the loop's values are always finite (they tend to 2).
    private static func consume(_ value: Float) {
        results.store(value.bitPattern, ordering: .relaxed)
    }
}
