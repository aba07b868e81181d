import Kernels

/// The Hebbian trace H of the plastic head (S x S), with its sensitivity G = dH/d eta when
/// eta is learned (docs/MODEL.md §3).
public struct PlasticTrace: Equatable, Sendable {
    /// The trace H.
    public var hebb: Tensor
    /// G = dH/d eta, carried beside H when eta is learned; nil otherwise.
    public var etaSensitivity: Tensor?
    /// The number of updates since the last reset.
    public var samples: Int64

    /// A trace and its sensitivity.
    public init(hebb: Tensor, etaSensitivity: Tensor?, samples: Int64) {
        self.hebb = hebb
        self.etaSensitivity = etaSensitivity
        self.samples = samples
    }

    /// The zero trace of a model, as at the start of every epoch; nil for rule `none`.
    public static func zero(for configuration: ModelConfiguration) -> PlasticTrace? {
        guard configuration.isPlastic else { return nil }
        let zeros = Tensor(shape: [configuration.size, configuration.size])
        return PlasticTrace(hebb: zeros, etaSensitivity: configuration.learnEta ? zeros : nil, samples: 0)
    }
}
