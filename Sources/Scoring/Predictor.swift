import Kernels
import PlasticUNet
import TGSData

/// Turns images into probability maps with a trained model and a trace mode.
public struct Predictor: Sendable {
    /// The network that runs the passes.
    public let network: PlasticNetwork
    /// The model's parameters.
    public let parameters: ParameterSet
    /// The trace stored at the end of training, or nil for rule none.
    public let storedTrace: PlasticTrace?

    /// A predictor of `network` with `parameters` and the stored trace.
    public init(network: PlasticNetwork, parameters: ParameterSet, storedTrace: PlasticTrace?) {
        self.network = network
        self.parameters = parameters
        self.storedTrace = storedTrace.map { PlasticTrace(hebb: $0.hebb, etaSensitivity: nil, samples: $0.samples) }
    }

    /// The probabilities of each image, the images taken in id order (``IDOrder``), which
    /// fixes the result of the `online` mode.
    /// - Parameters:
    ///   - images: the images, `S*S` intensities each, in any order.
    ///   - traceMode: `stored` uses the stored trace for every image; `zero` a zero trace;
    ///     `online` starts from the stored trace and updates it after each image.
    /// - Returns: `(id, probabilities [S, S])` in id order.
    public func predict(_ images: [(id: String, image: [Float])],
                        traceMode: TraceMode) -> [(id: String, probabilities: Tensor)] {
        var stream = stream(traceMode: traceMode)
        return images.sorted { IDOrder.precedes($0.id, $1.id) }.map { item in
            (id: item.id, probabilities: stream.next(item.image))
        }
    }

    /// A prediction of one image after the other, the caller taking them in id order
    /// (``IDOrder``): what ``predict(_:traceMode:)`` does without holding every image.
    public func stream(traceMode: TraceMode) -> PredictionStream {
        let trace: PlasticTrace? = switch traceMode {
        case .stored, .online: storedTrace
        case .zero: PlasticTrace.zero(for: network.configuration)
        }
        return PredictionStream(predictor: self, traceMode: traceMode, trace: trace)
    }
}

/// The predictions of a sequence of images, with the trace that the `online` mode carries
/// from one to the next.
public struct PredictionStream {
    private let predictor: Predictor
    private let traceMode: TraceMode
    private var trace: PlasticTrace?

    fileprivate init(predictor: Predictor, traceMode: TraceMode, trace: PlasticTrace?) {
        self.predictor = predictor
        self.traceMode = traceMode
        self.trace = trace
    }

    /// The probabilities `[S, S]` of the next image (`S*S` intensities).
    public mutating func next(_ image: [Float]) -> Tensor {
        let network = predictor.network
        let size = network.configuration.size
        let pass = network.forward(image: Tensor(shape: [size, size], scalars: image),
                                   parameters: predictor.parameters, trace: trace)
        if traceMode == .online {
            trace = network.updatedTrace(after: pass, parameters: predictor.parameters)
        }
        return pass.probabilities
    }
}
