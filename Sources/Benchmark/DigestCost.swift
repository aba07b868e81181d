import Dispatch
import Kernels
import PlasticUNet
import TGSData
import Training

/// What the step digests add to a training step: Adam's update with its digests against the
/// same update without, in alternate rounds (so that the machine's drift cancels), plus the
/// digests of the trace and of the inputs, which a step computes on their own.
enum DigestCost {
    /// The added seconds of each of `rounds` pairs (the first ``Benchmark/warmUp`` left
    /// out), for the parameters, moments and trace of `state` and the inputs of `sample`.
    static func measure(_ state: TrainingState, sample: Sample, rounds: Int, threads: Int) -> BenchmarkReport.Timing {
        var (parameters, optimizer) = (state.parameters, state.optimizer)
        // The parameters themselves stand for a gradient: only the time matters.
        let gradients = state.parameters
        let dropout = DropoutDecisions.none
        var samples: [Double] = []
        for round in 0..<rounds {
            let plain = seconds {
                optimizer.update(&parameters, gradients: gradients, learningRate: 1e-9, threadCount: threads)
            }
            let digested = seconds {
                _ = optimizer.updateDigesting(&parameters, gradients: gradients, learningRate: 1e-9,
                                              threadCount: threads)
                _ = StepDigest.trace(state.trace)
                _ = StepDigest.inputs(id: sample.id, image: sample.image, mask: sample.mask, dropout: dropout,
                                      learningRate: 1e-9)
            }
            if round >= Benchmark.warmUp { samples.append(digested - plain) }
        }
        return BenchmarkReport.Timing(samples: samples)
    }

    private static func seconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
