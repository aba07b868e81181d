import ArgumentParser
import ModelFile
import PlasticUNet
import Training

/// The options of `train` that change its result (docs/MODEL.md §4), each optional so that the
/// command can tell which were given.
package struct TrainingOptionGroup: ParsableArguments {
    private static let defaults = TrainingOptions()

    /// The total number of epochs.
    @Option(help: "The total number of epochs. (default: \(defaults.epochs))")
    package var epochs: Int?

    /// The seed.
    @Option(help: "The seed of every random stream: split, initial parameters, shuffling, dropout. (default: \(defaults.seed))")
    package var seed: UInt64?

    /// Adam's learning rate.
    @Option(help: "Adam's learning rate. (default: \(defaults.learningRate))")
    package var lr: Double?

    /// StepLR's factor.
    @Option(help: "StepLR's factor: the learning rate is multiplied by it every --step-size steps. (default: \(defaults.gamma))")
    package var gamma: Double?

    /// StepLR's period.
    @Option(help: "StepLR's period, in optimizer steps. (default: \(defaults.stepSize))")
    package var stepSize: Int?

    /// The dropout probability.
    @Option(help: "The Dropout2d probability p (p/2 after the first pooling stage; 0 turns dropout off). (default: \(defaults.dropout))")
    package var dropout: Double?

    /// The validation fraction.
    @Option(help: "The fraction of each coverage class held out for validation. (default: \(defaults.validationFraction))")
    package var valFraction: Double?

    /// Whether to keep file order.
    @Flag(help: "Visit the training images in split order every epoch instead of shuffling them.")
    package var noShuffle = false

    /// The trace mode of the validation.
    @Option(help: "The trace mode of the validation after each epoch: stored, zero or online. (default: \(defaults.evaluationTrace))")
    package var evalTrace: TraceMode?

    /// Options as the parser fills them.
    package init() {}

    /// The training options: the given ones over `base`.
    package func options(over base: TrainingOptions = TrainingOptions()) -> TrainingOptions {
        var result = base
        result.epochs = epochs ?? base.epochs
        result.seed = seed ?? base.seed
        result.learningRate = lr ?? base.learningRate
        result.gamma = gamma ?? base.gamma
        result.stepSize = stepSize ?? base.stepSize
        result.dropout = dropout ?? base.dropout
        result.validationFraction = valFraction ?? base.validationFraction
        result.shuffle = noShuffle ? false : base.shuffle
        result.evaluationTrace = evalTrace ?? base.evaluationTrace
        return result
    }

    /// The flags of the options that were given, but for those in `excluded`.
    package func given(excluding excluded: Set<String> = []) -> [String] {
        [("--epochs", epochs != nil), ("--seed", seed != nil), ("--lr", lr != nil), ("--gamma", gamma != nil),
         ("--step-size", stepSize != nil), ("--dropout", dropout != nil), ("--val-fraction", valFraction != nil),
         ("--no-shuffle", noShuffle), ("--eval-trace", evalTrace != nil)]
            .filter { $0.1 && !excluded.contains($0.0) }.map(\.0)
    }
}
