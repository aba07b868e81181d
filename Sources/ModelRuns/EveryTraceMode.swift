import Kernels
import ModelFile
import PlasticUNet
import TGSData

extension Evaluator {
    /// The evaluations of the model `contents` on the validation images it records, one in
    /// each trace mode (in ``PlasticUNet/TraceMode/allCases`` order), at `threshold`: what
    /// `evaluate --split val --trace MODE` reports for each mode. What a sweep's run and a
    /// golden case record of a model.
    /// - Throws: as ``evaluate(_:identity:data:split:traceMode:threshold:kernels:modelName:)``.
    package static func evaluateInEveryTraceMode(_ contents: ModelFileContents, identity: ModelIdentity?,
                                                 data: DataSet, threshold: Double, kernels: any ConvolutionKernels,
                                                 modelName: String) throws -> [(mode: TraceMode, evaluation: ModelEvaluation)] {
        try TraceMode.allCases.map { mode in
            (mode, try evaluate(contents, identity: identity, data: data, split: .val, traceMode: mode,
                                threshold: threshold, kernels: kernels, modelName: modelName))
        }
    }
}
