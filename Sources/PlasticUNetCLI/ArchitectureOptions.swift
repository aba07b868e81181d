import ArgumentParser
import Kernels
import PlasticUNet

extension PlasticityRule: ExpressibleByArgument {}
extension AlphaKind: ExpressibleByArgument {}
extension TraceRows: ExpressibleByArgument {}
extension ConvolutionArithmetic: ExpressibleByArgument {}

/// The options that fix a model's architecture (docs/MODEL.md §2-3) apart from the image size,
/// and the arithmetic of its convolutions, shared by the commands that create models. Each is
/// optional, so that a command that takes the architecture from a file can tell which ones
/// were given.
package struct ArchitectureOptions: ParsableArguments {
    private static let defaults = ModelConfiguration()

    /// The plasticity rule.
    @Option(help: "The plasticity rule of the head: none (no trace), hebb or oja. (default: \(defaults.rule))")
    package var rule: PlasticityRule?

    /// Free or yoked alpha.
    @Option(help: """
        How the plastic coefficient is shared: free (one per connection, S x S) or yoked (one scalar). \
        (default: \(defaults.alpha))
        """)
    package var alpha: AlphaKind?

    /// The base width n.
    @Option(help: """
        The base width n: the first block has n channels, the middle one 16n \
        (\(ModelConfiguration.widthRange.lowerBound)...\(ModelConfiguration.widthRange.upperBound)). \
        (default: \(defaults.width))
        """)
    package var width: Int?

    /// The rows of the head's input that feed the trace.
    @Option(help: """
        The rows of the head's input that update the trace: all, or first (the original's behaviour). \
        (default: \(defaults.traceRows))
        """)
    package var traceRows: TraceRows?

    /// Whether eta is learnt.
    @Flag(help: "Give eta its exact gradient through the forward-mode sensitivity (needs rule hebb or oja).")
    package var learnEta = false

    /// The help of `--convolution` where it chooses a model's arithmetic.
    static let convolutionHelp = """
        The arithmetic of the 3 x 3 convolutions of stride 1, recorded in the model: direct, or winograd \
        (Winograd's F(4x4,3x3): a quarter of the multiplications, faster than direct in prediction but not \
        yet in training, and different from it by float rounding; see docs/MODEL.md). \
        (default: \(defaults.convolution))
        """

    /// The arithmetic of the 3 x 3 convolutions.
    @Option(help: ArgumentHelp(convolutionHelp))
    package var convolution: ConvolutionArithmetic?

    /// Options as the parser fills them.
    package init() {}

    /// The architecture for images of `size`: the given options over `base`.
    package func configuration(size: Int, over base: ModelConfiguration = ModelConfiguration()) -> ModelConfiguration {
        ModelConfiguration(rule: rule ?? base.rule, alpha: alpha ?? base.alpha, width: width ?? base.width, size: size,
                           traceRows: traceRows ?? base.traceRows, learnEta: learnEta || base.learnEta,
                           convolution: convolution ?? base.convolution)
    }

    /// The flags of the options that were given, for example `["--rule", "--learn-eta"]`.
    package var given: [String] {
        [("--rule", rule != nil), ("--alpha", alpha != nil), ("--width", width != nil),
         ("--trace-rows", traceRows != nil), ("--learn-eta", learnEta),
         ("--convolution", convolution != nil)].filter(\.1).map(\.0)
    }
}
