import FileOutput
import Foundation
import ModelFile
import ONNXMessages
import PlasticUNet
import SwiftProtobuf

/// A model as a standard ONNX graph (opset 17), for runtimes such as onnxruntime.
///
/// Its input `image` is the batch of images as `predict` feeds the network (float32,
/// `[N, 1, S, S]`, intensities value / (2^bits - 1)); its output `probabilities` has the
/// same shape. With the online trace mode the graph takes one image (N = 1) and the trace
/// as a second input `trace` (`[S, S]`), and gives the next trace as a second output
/// `next_trace`, so that a runtime carries the trace from image to image as `predict
/// --trace online` does. The stored mode holds the model's trace as a constant, the zero
/// mode leaves the plastic term out.
package enum ONNXExport {
    /// The operator set the graph uses.
    package static let opsetVersion = 17
    /// The IR version of that operator set.
    static let irVersion = 8

    /// The names of the graph's inputs and outputs.
    package enum Names {
        /// The images.
        package static let image = "image"
        /// The probabilities.
        package static let probabilities = "probabilities"
        /// The trace before the image (online mode).
        package static let trace = "trace"
        /// The trace after the image (online mode).
        package static let nextTrace = "next_trace"
    }

    /// The ONNX model of `contents` in trace mode `mode`.
    /// - Throws: ``ModelFileError/schema(_:)`` when the embedded schema lacks a tensor (a
    ///   build defect).
    package static func model(of contents: ModelFileContents, trace mode: TraceMode) throws -> Onnx_ModelProto {
        let configuration = contents.configuration.model
        let size = configuration.size
        let online = mode == .online && configuration.isPlastic
        let network = ONNXNetworkGraph(configuration: configuration, parameters: contents.parameters,
                                       schema: try ModelSchema.embedded())
        let head = ONNXHeadGraph(configuration: configuration, network: network)
        var builder = ONNXGraphBuilder(name: "plastic_unet")
        let batch: Int? = online ? 1 : nil
        builder.input(Names.image, shape: [batch, 1, size, size])
        if online { builder.input(Names.trace, shape: [size, size]) }
        let a = try network.addBody(to: &builder, input: Names.image)
        let storedTrace = mode == .stored ? contents.trace?.hebb : nil
        let weights = try head.weights(trace: storedTrace, traceInput: online ? Names.trace : nil, &builder)
        head.probabilities(a, weights: weights, output: Names.probabilities, &builder)
        builder.output(Names.probabilities, shape: [batch, 1, size, size])
        if online {
            try head.nextTrace(a: a, y: Names.probabilities, trace: Names.trace, output: Names.nextTrace, &builder)
            builder.output(Names.nextTrace, shape: [size, size])
        }
        var model = Onnx_ModelProto()
        model.irVersion = Int64(irVersion)
        var opset = Onnx_OperatorSetIdProto()
        opset.version = Int64(opsetVersion)
        model.opsetImport = [opset]
        model.producerName = "plastic-unet"
        model.producerVersion = PlasticUNetVersion.current
        let modeName = configuration.isPlastic ? mode.rawValue : "none (rule none has no trace)"
        model.docString = "A plastic U-Net (docs/MODEL.md), trace mode \(modeName)"
        model.graph = builder.graph
        model.metadataProps = metadata(configuration, mode: configuration.isPlastic ? mode.rawValue : "none")
        return model
    }

    /// The model's settings as the file's metadata.
    private static func metadata(_ configuration: ModelConfiguration, mode: String) -> [Onnx_StringStringEntryProto] {
        [("rule", configuration.rule.rawValue), ("alpha", configuration.alpha.rawValue),
         ("width", "\(configuration.width)"), ("size", "\(configuration.size)"),
         ("trace_rows", configuration.traceRows.rawValue), ("trace_mode", mode)].map { key, value in
            var entry = Onnx_StringStringEntryProto()
            entry.key = key
            entry.value = value
            return entry
        }
    }

    /// Writes the ONNX model of `contents` to `url`, replacing it atomically.
    /// - Throws: `FileWriteError` naming `url`; the target is then unchanged.
    package static func write(_ contents: ModelFileContents, trace mode: TraceMode, to url: URL) throws {
        let bytes: [UInt8] = try model(of: contents, trace: mode).serializedBytes()
        try AtomicFile.write(bytes, to: url)
    }
}
