import Kernels
import ModelFile

/// The convolution arithmetic a command computes a stored model with: the one its
/// configuration records, unless an option overrides it (`evaluate --convolution`,
/// `predict --convolution`), so that the same weights can be compared under both.
package struct ConvolutionChoice: Equatable, Sendable {
    /// The arithmetic the model's configuration records.
    package let recorded: ConvolutionArithmetic
    /// The arithmetic of the predictions: the override, else the recorded one.
    package let used: ConvolutionArithmetic

    /// The choice of `override` (nil: none) over `recorded`.
    package init(recorded: ConvolutionArithmetic, override: ConvolutionArithmetic? = nil) {
        self.recorded = recorded
        self.used = override ?? recorded
    }

    /// The choice for the stored model `model` with `override` over what its file records.
    package init(for model: StoredModel, override: ConvolutionArithmetic?) {
        self.init(recorded: model.contents.configuration.model.convolution, override: override)
    }

    /// Whether reports name the arithmetic: whenever winograd is involved, so that the
    /// reports of a direct model computed as recorded keep their bytes.
    package var isReported: Bool { used != .direct || recorded != .direct }

    /// For example `convolution winograd`, or `convolution direct (the model records winograd)`.
    package var text: String {
        "convolution \(used.rawValue)" + (used == recorded ? "" : " (the model records \(recorded.rawValue))")
    }

    /// `contents` with the arithmetic of the predictions in its configuration.
    package func applied(to contents: ModelFileContents) -> ModelFileContents {
        var applied = contents
        applied.configuration.model.convolution = used
        return applied
    }
}
