import Checksums
import Foundation
import HDF5Kit
import ModelFile
import Reports
import TGSData
import TGSFiles
import Training

/// The inputs a case's recipe names, found and checked: the data (its fingerprint must be
/// the recorded one), the config, the model file (its SHA-256 must be the recorded one).
enum CaseInputs {
    /// The data set of `reference` (the embedded one when nil).
    /// - Throws: ``RegressionError`` when the folder cannot be loaded or holds other data.
    static func data(_ reference: GoldenRecipe.FileReference?, of name: String, at url: URL) throws -> DataSet {
        guard let reference else { return DataSet.embeddedDefault }
        let folder = GoldenCaseFile.resolve(reference.path, from: url)
        let data: DataSet
        do {
            data = try DataSetLoader.load(from: folder)
        } catch {
            throw RegressionError.unloadableData(case: name, folder: folder.path, reason: "\(error)")
        }
        guard data.fingerprint == reference.fingerprint else {
            throw RegressionError.otherData(case: name, folder: folder.path, fingerprint: data.fingerprint,
                                            recorded: reference.fingerprint)
        }
        return data
    }

    /// The run configuration of a recipe's config.
    /// - Throws: ``RegressionError`` when it is not a usable configuration of a run from
    ///   scratch.
    static func configuration(_ config: JSONValue, of name: String) throws -> RunConfiguration {
        let configuration: RunConfiguration
        do {
            configuration = try RunConfiguration(jsonText: config.description)
        } catch {
            throw RegressionError.unusableConfig(case: name, reason: "\(error)")
        }
        if let problem = configuration.model.problem ?? configuration.training.problem {
            throw RegressionError.unusableConfig(case: name, reason: problem)
        }
        guard configuration.training.initialModelSHA256 == nil else {
            throw RegressionError.configStartsFromModel(case: name)
        }
        return configuration
    }

    /// The model file of a checkpoint case, read once with `reading`.
    /// - Throws: ``RegressionError`` when it cannot be read or is not the recorded file.
    static func model(_ reference: GoldenRecipe.FileReference?, of name: String, at url: URL,
                      reading: HDF5Reading) throws -> StoredModel {
        guard let reference else { throw RegressionError.noModel(case: name) }
        let file = GoldenCaseFile.resolve(reference.path, from: url)
        do {
            return try ModelFileReader.read(file, using: reading, expectedSHA256: reference.fingerprint)
        } catch ModelFileError.otherFile(_, let digest, _) {
            throw RegressionError.changedModel(case: name, file: file.path, sha256: digest,
                                               recorded: reference.fingerprint)
        } catch {
            throw RegressionError.unreadableModel(case: name, reason: "\(error)")
        }
    }
}
