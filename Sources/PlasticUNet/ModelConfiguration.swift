import Kernels

/// The plasticity rule of the head (docs/MODEL.md §3).
package enum PlasticityRule: String, Codable, CaseIterable, Sendable {
    /// No trace: `Y = sigmoid(A · w)`.
    case none
    /// Hebb's rule with decay: `H' = (1 - eta) H + eta · mean_r(x_r y_rᵀ)`.
    case hebb
    /// Oja's rule: `H' = H + eta · mean_r(y_r ⊙ (x_r - H ⊙ y_r))`.
    case oja
}

/// How the plastic coefficient alpha is shared.
package enum AlphaKind: String, Codable, CaseIterable, Sendable {
    /// One coefficient per connection, `alpha: S x S`.
    case free
    /// One coefficient for the whole head, `alpha: [1]`.
    case yoked
}

/// Which rows of the head's input feed the trace update.
package enum TraceRows: String, Codable, CaseIterable, Sendable {
    /// Every row (the default).
    case all
    /// Row 0 only: the original implementation's behaviour.
    case first
}

/// Everything that fixes the shapes and the forward pass of a plastic U-Net.
package struct ModelConfiguration: Codable, Equatable, Sendable {
    /// The plasticity rule of the head.
    package var rule: PlasticityRule
    /// Free or yoked alpha; meaningless, but recorded, for rule `none`.
    package var alpha: AlphaKind
    /// The base width n: the first block has n channels, the middle one 16n.
    package var width: Int
    /// The image size S (images are S x S).
    package var size: Int
    /// The rows of the head's input that feed the trace update.
    package var traceRows: TraceRows
    /// Whether eta receives its exact gradient through the forward-mode sensitivity.
    package var learnEta: Bool
    /// The arithmetic of the 3 x 3 convolutions of stride 1.
    package var convolution: ConvolutionArithmetic

    /// A configuration; the defaults are those of docs/MODEL.md.
    package init(rule: PlasticityRule = .oja, alpha: AlphaKind = .free, width: Int = 16,
                size: Int = 101, traceRows: TraceRows = .all, learnEta: Bool = false,
                convolution: ConvolutionArithmetic = .direct) {
        self.rule = rule
        self.alpha = alpha
        self.width = width
        self.size = size
        self.traceRows = traceRows
        self.learnEta = learnEta
        self.convolution = convolution
    }

    /// The image sizes a model accepts: the four pooling stages need at least 16.
    package static let sizeRange = 16...4096

    /// The base widths a model accepts.
    package static let widthRange = 1...128

    /// A description of the first problem with this configuration, or nil when it is usable.
    package var problem: String? {
        if !Self.widthRange.contains(width) {
            return "width must be in \(Self.widthRange.lowerBound)...\(Self.widthRange.upperBound), got \(width)"
        }
        if !Self.sizeRange.contains(size) {
            return "size must be in \(Self.sizeRange.lowerBound)...\(Self.sizeRange.upperBound), got \(size)"
        }
        if learnEta && rule == .none { return "learnEta needs a plasticity rule (hebb or oja)" }
        return nil
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case rule, alpha, width, size
        case traceRows = "trace_rows"
        case learnEta = "learn_eta"
        case convolution
    }

    /// Decodes a configuration; one without `convolution` (written before it existed, or
    /// with the default left out) is ``ConvolutionArithmetic/direct``.
    package init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        self.init(rule: try values.decode(PlasticityRule.self, forKey: .rule),
                  alpha: try values.decode(AlphaKind.self, forKey: .alpha),
                  width: try values.decode(Int.self, forKey: .width),
                  size: try values.decode(Int.self, forKey: .size),
                  traceRows: try values.decode(TraceRows.self, forKey: .traceRows),
                  learnEta: try values.decode(Bool.self, forKey: .learnEta),
                  convolution: try values.decodeIfPresent(ConvolutionArithmetic.self, forKey: .convolution) ?? .direct)
    }

    /// The keys of its coded form, every one this version knows.
    package static let codingKeyNames = Set(CodingKeys.allCases.map(\.stringValue))

    /// Whether the head has a trace (and so alpha and eta).
    package var isPlastic: Bool { rule != .none }
}
