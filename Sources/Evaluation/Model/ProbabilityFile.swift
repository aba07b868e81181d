import FileOutput
import Foundation
import HDF5Kit
import Kernels
import PlasticUNet

/// The probability maps of a prediction as an HDF5 file.
///
/// ```
/// /                attrs format = "plastic-unet-probabilities", format_version = 1,
///                        model_sha256, trace_mode; convolution where winograd is involved
/// /probabilities   float32 [N, S, S]
/// /ids             fixed-length UTF-8 strings [N], in the order of /probabilities
/// ```
/// Both datasets are chunked with shuffle, deflate and Fletcher-32, as in model files.
package enum ProbabilityFile {
    /// The value of the root's `format` attribute.
    package static let format = "plastic-unet-probabilities"
    /// The value of the root's `format_version` attribute.
    package static let formatVersion: Int64 = 1

    /// Writes the probabilities of `predictions` (id order, each `[S, S]`) to `url`,
    /// replacing an existing file atomically.
    /// - Parameters:
    ///   - predictions: the maps, all of `size * size` values.
    ///   - size: S.
    ///   - modelSHA256: the model's digest, recorded in the file.
    ///   - traceMode: the trace mode, recorded in the file.
    ///   - convolution: the convolution arithmetic of the predictions, recorded in the file;
    ///     nil to record none (a direct model computed as it records).
    /// - Throws: `HDF5Error` or `FileWriteError` naming the file.
    package static func write(_ predictions: [(id: String, probabilities: Tensor)], size: Int, modelSHA256: String,
                             traceMode: TraceMode, convolution: ConvolutionArithmetic? = nil, to url: URL) throws {
        try AtomicFile.replace(url) { temporary in
            let file = try HDF5File.create(at: temporary, name: url.path, sealable: true)
            try file.root.setAttribute("format", .string(format))
            try file.root.setAttribute("format_version", .int64(formatVersion))
            try file.root.setAttribute("model_sha256", .string(modelSHA256))
            try file.root.setAttribute("trace_mode", .string(traceMode.rawValue))
            if let convolution { try file.root.setAttribute("convolution", .string(convolution.rawValue)) }
            try file.root.createDataset("probabilities", shape: [predictions.count, size, size],
                                        values: predictions.flatMap(\.probabilities.scalars))
            try file.root.createDataset("ids", strings: predictions.map(\.id))
            try file.flush()
            try file.close()
            try HDF5Seal.seal(temporary, name: url.path)
        }
    }
}
