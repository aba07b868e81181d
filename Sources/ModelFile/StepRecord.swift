import HDF5Kit
import TGSData
import Training

/// What a model file records of its training steps, read without its tensors: the run's
/// options, its training images and the digest of every step (for `diff`, which names the
/// first step at which two runs part).
package struct StepRecord: Sendable {
    /// The run's configuration.
    package let configuration: RunConfiguration
    /// The run's split of the data.
    package let split: DataSplit
    /// The digests of every step, in order.
    package let digests: [StepDigest]

    /// Where a model file keeps the step digests.
    package static let datasetPath = ModelFilePaths.stepDigests

    /// The record of the model file `stored`, or nil when it is not a model file that
    /// records step digests (another file, an untrained model, a file of an older version).
    package init?(_ stored: HDF5StoredFile) {
        let root = stored.file.root
        guard let text = try? root.attribute("config")?.stringValue,
              let configuration = try? RunConfiguration(jsonText: text),
              (try? root.kind(at: String(ModelFilePaths.stepDigests.dropFirst()))) == .dataset,
              let values = try? root.dataset(String(ModelFilePaths.stepDigests.dropFirst())).read(UInt64.self),
              let trainIDs = try? root.dataset(String(ModelFilePaths.trainIDs.dropFirst())).readStrings(),
              let validationIDs = try? root.dataset(String(ModelFilePaths.validationIDs.dropFirst())).readStrings()
        else { return nil }
        let width = StepDigest.partNames.count
        guard values.count % width == 0 else { return nil }
        self.configuration = configuration
        split = DataSplit(trainIDs: trainIDs, validationIDs: validationIDs)
        digests = stride(from: 0, to: values.count, by: width).map { StepDigest(parts: Array(values[$0..<$0 + width])) }
    }
}
