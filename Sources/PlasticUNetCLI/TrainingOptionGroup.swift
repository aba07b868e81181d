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

    /// The number of folds.
    @Option(help: ArgumentHelp("""
        Partition the images into K folds, stratified by coverage class and drawn from the seed, and validate \
        on one fold instead of --val-fraction: fold --fold for a run, every fold in turn for a sweep (K from 2 \
        to the number of images).
        """, valueName: "K"))
    package var folds: Int?

    /// The fold held out.
    @Option(help: ArgumentHelp("The fold held out for validation, with --folds: 1 to K (a sweep runs every fold and "
                               + "refuses it).", valueName: "I"))
    package var fold: Int?

    /// Whether to keep file order.
    @Flag(help: "Visit the training images in split order every epoch instead of shuffling them.")
    package var noShuffle = false

    /// The trace mode of the validation.
    @Option(help: "The trace mode of the validation after each epoch: stored, zero or online. (default: \(defaults.evaluationTrace))")
    package var evalTrace: TraceMode?

    /// Options as the parser fills them.
    package init() {}

    /// Refuses folds that cannot be: --folds with --val-fraction, fewer than two folds, a
    /// --fold outside 1...K or without --folds.
    package func validate() throws {
        if folds != nil && valFraction != nil {
            throw ValidationError("--folds and --val-fraction both choose the validation images: give one of them")
        }
        if let folds, folds < 2 { throw ValidationError("--folds must be at least 2, got \(folds)") }
        if let fold {
            guard let folds else { throw ValidationError("--fold needs --folds, the number of folds") }
            if !(1...folds).contains(fold) { throw ValidationError("--fold must be in 1...\(folds), got \(fold)") }
        }
    }

    /// Refuses --folds without --fold, for a command that trains one run.
    package func requireFoldWithFolds() throws {
        if let folds, fold == nil {
            throw ValidationError("--folds \(folds) needs --fold, the fold held out for validation (1...\(folds))")
        }
    }

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
        if valFraction != nil {
            result.folds = nil
            result.fold = nil
        }
        if let folds {
            result.folds = folds
            result.fold = fold
        }
        result.shuffle = noShuffle ? false : base.shuffle
        result.evaluationTrace = evalTrace ?? base.evaluationTrace
        return result
    }

    /// The flags of the options that were given, but for those in `excluded`.
    package func given(excluding excluded: Set<String> = []) -> [String] {
        [("--epochs", epochs != nil), ("--seed", seed != nil), ("--lr", lr != nil), ("--gamma", gamma != nil),
         ("--step-size", stepSize != nil), ("--dropout", dropout != nil), ("--val-fraction", valFraction != nil),
         ("--folds", folds != nil), ("--fold", fold != nil),
         ("--no-shuffle", noShuffle), ("--eval-trace", evalTrace != nil)]
            .filter { $0.1 && !excluded.contains($0.0) }.map(\.0)
    }
}
