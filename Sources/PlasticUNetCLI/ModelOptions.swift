import ArgumentParser
import PlasticUNet

extension PlasticityRule: ExpressibleByArgument {}
extension AlphaKind: ExpressibleByArgument {}
extension TraceRows: ExpressibleByArgument {}

/// The options that fix a model's architecture (MODEL.md §2-3), shared by the commands
/// that create models.
public struct ModelOptions: ParsableArguments {
    /// The plasticity rule.
    @Option(help: "The plasticity rule of the head: none (no trace), hebb or oja.")
    public var rule: PlasticityRule = .oja

    /// Free or yoked alpha.
    @Option(help: "How the plastic coefficient is shared: free (one per connection, S x S) or yoked (one scalar).")
    public var alpha: AlphaKind = .free

    /// The base width n.
    @Option(help: "The base width n: the first block has n channels, the middle one 16n (at least 1).")
    public var width: Int = 16

    /// The image size S.
    @Option(help: "The image size S: the model takes S x S images (at least \(ModelConfiguration.minimumSize)).")
    public var size: Int = 101

    /// The rows of the head's input that feed the trace.
    @Option(help: "The rows of the head's input that update the trace: all, or first (the original's behaviour).")
    public var traceRows: TraceRows = .all

    /// Whether eta is learnt.
    @Flag(help: "Give eta its exact gradient through the forward-mode sensitivity (needs rule hebb or oja).")
    public var learnEta = false

    /// Options with their defaults.
    public init() {}

    /// The architecture these options describe.
    public var configuration: ModelConfiguration {
        ModelConfiguration(rule: rule, alpha: alpha, width: width, size: size, traceRows: traceRows,
                           learnEta: learnEta)
    }

    /// Refuses an unusable architecture.
    public func validate() throws {
        if let problem = configuration.problem { throw ValidationError(problem) }
    }
}
