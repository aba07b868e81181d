import Kernels

/// The Hebbian trace H of the plastic head (S x S), with its sensitivity G = dH/d eta when
/// eta is learned (docs/MODEL.md §3).
package struct PlasticTrace: Equatable, Sendable {
    /// The trace H.
    package var hebb: Tensor
    /// G = dH/d eta, carried beside H when eta is learned; nil otherwise.
    package var etaSensitivity: Tensor?
    /// The number of updates since the last reset.
    package var samples: Int64

    /// A trace and its sensitivity.
    package init(hebb: Tensor, etaSensitivity: Tensor?, samples: Int64) {
        self.hebb = hebb
        self.etaSensitivity = etaSensitivity
        self.samples = samples
    }

    /// The zero trace of a model, as at the start of every epoch; nil for rule `none`.
    package static func zero(for configuration: ModelConfiguration) -> PlasticTrace? {
        guard configuration.isPlastic else { return nil }
        let zeros = Tensor(shape: [configuration.size, configuration.size])
        return PlasticTrace(hebb: zeros, etaSensitivity: configuration.learnEta ? zeros : nil, samples: 0)
    }
}
