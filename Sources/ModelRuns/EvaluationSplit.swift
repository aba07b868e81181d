import ModelFile
import TGSData

/// Which images of a data set an evaluation takes.
package enum EvaluationSplit: String, CaseIterable, Sendable {
    /// The validation ids recorded in the model file.
    case val
    /// The training ids recorded in the model file.
    case train
    /// Every image of the data set.
    case all

    /// The ids of this split of `data` for `model`, in id order.
    ///
    /// `val` and `train` take the ids the model file records, so they need a trained
    /// model and the very data it was trained on (equal fingerprints). `all` takes every
    /// image and accepts any data of the model's size.
    /// - Parameter modelName: how errors name the model file.
    /// - Throws: ``ModelRunError`` naming the model: an untrained model with `val` or
    ///   `train`, other data than the model's, images of another size than the model's,
    ///   or a split without images.
    package func ids(of model: ModelFileContents, in data: DataSet, modelName: String) throws -> [String] {
        let size = model.configuration.model.size
        guard data.size == size else {
            throw ModelRunError.dataSize(data: data.size, model: modelName, size: size)
        }
        let ids: [String]
        switch self {
        case .all:
            ids = data.samples.map(\.id)
        case .val, .train:
            guard let record = model.dataset else {
                throw ModelRunError.untrained(model: modelName)
            }
            guard record.fingerprint == data.fingerprint else {
                throw ModelRunError.otherData(model: modelName, fingerprint: data.fingerprint,
                                              recorded: record.fingerprint,
                                              hint: ": use --split all to evaluate it on other data")
            }
            ids = self == .val ? record.validationIDs : record.trainIDs
        }
        guard !ids.isEmpty else { throw ModelRunError.emptySplit(self, model: modelName) }
        return ids.sorted(by: IDOrder.precedes)
    }
}
