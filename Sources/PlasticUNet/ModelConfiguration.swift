/// The plasticity rule of the head (docs/MODEL.md §3).
public enum PlasticityRule: String, Codable, CaseIterable, Sendable {
    /// No trace: `Y = sigmoid(A · w)`.
    case none
    /// Hebb's rule with decay: `H' = (1 - eta) H + eta · mean_r(x_r y_rᵀ)`.
    case hebb
    /// Oja's rule: `H' = H + eta · mean_r(y_r ⊙ (x_r - H ⊙ y_r))`.
    case oja
}

/// How the plastic coefficient alpha is shared.
public enum AlphaKind: String, Codable, CaseIterable, Sendable {
    /// One coefficient per connection, `alpha: S x S`.
    case free
    /// One coefficient for the whole head, `alpha: [1]`.
    case yoked
}

/// Which rows of the head's input feed the trace update.
public enum TraceRows: String, Codable, CaseIterable, Sendable {
    /// Every row (the default).
    case all
    /// Row 0 only: the original implementation's behaviour.
    case first
}

/// Everything that fixes the shapes and the forward pass of a plastic U-Net.
public struct ModelConfiguration: Codable, Equatable, Sendable {
    /// The plasticity rule of the head.
    public var rule: PlasticityRule
    /// Free or yoked alpha; meaningless, but recorded, for rule `none`.
    public var alpha: AlphaKind
    /// The base width n: the first block has n channels, the middle one 16n.
    public var width: Int
    /// The image size S (images are S x S).
    public var size: Int
    /// The rows of the head's input that feed the trace update.
    public var traceRows: TraceRows
    /// Whether eta receives its exact gradient through the forward-mode sensitivity.
    public var learnEta: Bool

    /// A configuration; the defaults are those of docs/MODEL.md.
    public init(rule: PlasticityRule = .oja, alpha: AlphaKind = .free, width: Int = 16,
                size: Int = 101, traceRows: TraceRows = .all, learnEta: Bool = false) {
        self.rule = rule
        self.alpha = alpha
        self.width = width
        self.size = size
        self.traceRows = traceRows
        self.learnEta = learnEta
    }

    /// The image sizes a model accepts: the four pooling stages need at least 16.
    public static let sizeRange = 16...4096

    /// The base widths a model accepts.
    public static let widthRange = 1...128

    /// A description of the first problem with this configuration, or nil when it is usable.
    public var problem: String? {
        if !Self.widthRange.contains(width) {
            return "width must be in \(Self.widthRange.lowerBound)...\(Self.widthRange.upperBound), got \(width)"
        }
        if !Self.sizeRange.contains(size) {
            return "size must be in \(Self.sizeRange.lowerBound)...\(Self.sizeRange.upperBound), got \(size)"
        }
        if learnEta && rule == .none { return "learnEta needs a plasticity rule (hebb or oja)" }
        return nil
    }

    private enum CodingKeys: String, CodingKey {
        case rule, alpha, width, size
        case traceRows = "trace_rows"
        case learnEta = "learn_eta"
    }

    /// Whether the head has a trace (and so alpha and eta).
    public var isPlastic: Bool { rule != .none }
}
