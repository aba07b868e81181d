import Kernels
import PlasticUNet
import Scoring
import TGSData

/// The validation after each epoch: the mean loss and the mean TGS score at threshold 0.5
/// over the validation images, with the evaluation trace mode.
struct Validation {
    /// The mask threshold of the validation score.
    static let threshold = 0.5

    let samples: [Sample]
    let traceMode: TraceMode

    /// `(loss, score)`, both NaN when there are no validation images.
    func measure(network: PlasticNetwork, parameters: ParameterSet, trace: PlasticTrace?) -> (loss: Double, score: Double) {
        guard !samples.isEmpty else { return (.nan, .nan) }
        let predictor = Predictor(network: network, parameters: parameters, storedTrace: trace)
        let ordered = samples.sorted { IDOrder.precedes($0.id, $1.id) }
        let predictions = predictor.predict(ordered.map { ($0.id, $0.image) }, traceMode: traceMode)
        var loss = 0.0, passed = 0
        for (sample, (_, probabilities)) in zip(ordered, predictions) {
            let mask = sample.mask
            loss += BinaryCrossEntropy.loss(probabilities, mask: mask)
            passed += TGSMetric.passedThresholds(truth: mask, prediction: ProbabilityThreshold.mask(probabilities.scalars,
                                                                                                 threshold: Self.threshold))
        }
        return (loss / Double(samples.count), TGSMetric.meanScore(totalPassed: passed, imageCount: samples.count))
    }
}
