import Kernels
import PlasticUNet
import TGSData

/// Turns images into probability maps with a trained model and a trace mode.
package struct Predictor: Sendable {
    /// The network that runs the passes.
    package let network: PlasticNetwork
    /// The model's parameters, made ready for many predictions.
    fileprivate let prepared: PlasticNetwork.PreparedParameters
    /// The model's parameters.
    package var parameters: ParameterSet { prepared.parameters }
    /// The trace stored at the end of training, or nil for rule none.
    package let storedTrace: PlasticTrace?

    /// A predictor of `network` with `parameters` and the stored trace.
    package init(network: PlasticNetwork, parameters: ParameterSet, storedTrace: PlasticTrace?) {
        self.network = network
        prepared = network.prepared(parameters)
        self.storedTrace = storedTrace.map { PlasticTrace(hebb: $0.hebb, etaSensitivity: nil, samples: $0.samples) }
    }

    /// The probabilities of each image, the images taken in id order (``IDOrder``), which
    /// fixes the result of the `online` mode.
    /// - Parameters:
    ///   - images: the images, `S*S` intensities each, in any order.
    ///   - traceMode: `stored` uses the stored trace for every image; `zero` a zero trace;
    ///     `online` starts from the stored trace and updates it after each image.
    /// - Returns: `(id, probabilities [S, S])` in id order.
    package func predict(_ images: [(id: String, image: [Float])],
                        traceMode: TraceMode) -> [(id: String, probabilities: Tensor)] {
        var stream = stream(traceMode: traceMode)
        var predictions: [(id: String, probabilities: Tensor)] = []
        stream.predict(images.sorted { IDOrder.precedes($0.id, $1.id) }, image: \.image) { item, probabilities in
            predictions.append((id: item.id, probabilities: probabilities))
        }
        return predictions
    }

    /// A prediction of one image after the other, the caller taking them in id order
    /// (``IDOrder``): what ``predict(_:traceMode:)`` does without holding every image.
    package func stream(traceMode: TraceMode) -> PredictionStream {
        let trace: PlasticTrace? = switch traceMode {
        case .stored, .online: storedTrace
        case .zero: PlasticTrace.zero(for: network.configuration)
        }
        return PredictionStream(predictor: self, traceMode: traceMode, trace: trace)
    }
}

/// The predictions of a sequence of images, with the trace that the `online` mode carries
/// from one to the next.
package struct PredictionStream {
    /// The images that each of the kernels' threads predicts together in one call of
    /// ``next(_:)`` in the `stored` and `zero` modes: enough for the small deep layers to
    /// read each weight once for several images, few enough to hold.
    package static let imagesPerThread = 4

    private let predictor: Predictor
    private let traceMode: TraceMode
    private var trace: PlasticTrace?

    fileprivate init(predictor: Predictor, traceMode: TraceMode, trace: PlasticTrace?) {
        self.predictor = predictor
        self.traceMode = traceMode
        self.trace = trace
    }

    /// The images of one call of ``next(_:)``: 1 in the `online` mode, whose trace changes
    /// after every image, ``imagesPerThread`` for each of the kernels' threads in the
    /// others, whose images are independent. Any count gives the same bits.
    package var batchSize: Int {
        traceMode == .online ? 1 : Self.imagesPerThread * predictor.network.kernels.threadCount
    }

    /// Predicts `items` in the order given, ``batchSize`` at a time: reads each batch's
    /// images with `image` just before its pass and hands every item with its
    /// probabilities `[S, S]` to `body` right after, so that only one batch's images are
    /// held at once.
    /// - Throws: what `image` and `body` throw.
    package mutating func predict<Item>(_ items: [Item], image: (Item) throws -> [Float],
                                       body: (Item, Tensor) throws -> Void) rethrows {
        for start in stride(from: 0, to: items.count, by: batchSize) {
            let batch = items[start..<min(start + batchSize, items.count)]
            for (item, probabilities) in zip(batch, next(try batch.map(image))) {
                try body(item, probabilities)
            }
        }
    }

    /// The probabilities `[S, S]` of the next images (`S*S` intensities each), in order:
    /// in the `stored` and `zero` modes, whose images are independent, a share of them on
    /// each of the kernels' threads, predicted together
    /// (``PlasticNetwork/probabilities(of:parameters:trace:)``; each pass on one thread: no
    /// thread waits for another inside a pass); one after the other in `online` mode. Every
    /// way gives each image its own bits.
    package mutating func next(_ images: [[Float]]) -> [Tensor] {
        let network = predictor.network
        let size = network.configuration.size
        let tensors = images.map { Tensor(shape: [size, size], scalars: $0) }
        guard traceMode == .online else {
            let (parameters, trace) = (predictor.prepared, trace)
            let threads = min(network.kernels.threadCount, tensors.count)
            let shares = (0..<threads).map { thread in
                tensors.count * thread / threads..<tensors.count * (thread + 1) / threads
            }
            return network.kernels.mapOnThreads(count: threads) { thread, kernels in
                PlasticNetwork(configuration: network.configuration, kernels: kernels)
                    .probabilities(of: Array(tensors[shares[thread]]), parameters: parameters, trace: trace)
            }.flatMap { $0 }
        }
        return tensors.map { image in
            let pass = network.forward(image: image, parameters: predictor.parameters, trace: trace)
            trace = network.updatedTrace(after: pass, parameters: predictor.parameters)
            return pass.probabilities
        }
    }
}
