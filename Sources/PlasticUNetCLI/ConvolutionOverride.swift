import ArgumentParser
import Kernels
import ModelFile
import ModelRuns

/// `--convolution` of the commands that compute with a stored model (`evaluate`,
/// `predict`): the arithmetic to use in place of the one the file records, so that the same
/// weights can be compared under both.
package struct ConvolutionOverride: ParsableArguments {
    /// The arithmetic to compute with; nil for the recorded one.
    @Option(help: """
        Compute the 3 x 3 convolutions of stride 1 with this arithmetic, direct or winograd, in place of \
        the one the model file records (winograd differs from direct by float rounding; see docs/MODEL.md). \
        (default: the model's)
        """)
    package var convolution: ConvolutionArithmetic?

    /// Options as the parser fills them.
    package init() {}

    /// The choice for `model`.
    func choice(for model: StoredModel) -> ConvolutionChoice {
        ConvolutionChoice(for: model, override: convolution)
    }
}
