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
            throw RegressionError("\(name): cannot load the data folder \(folder.path): \(error)")
        }
        guard data.fingerprint == reference.fingerprint else {
            throw RegressionError("\(name): the data folder \(folder.path) holds other data (fingerprint "
                                  + "\(data.fingerprint), the case records \(reference.fingerprint))")
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
            throw RegressionError("\(name): recipe.config: \(error)")
        }
        if let problem = configuration.model.problem ?? configuration.training.problem {
            throw RegressionError("\(name): recipe.config: \(problem)")
        }
        guard configuration.training.initialModelSHA256 == nil else {
            throw RegressionError("\(name): recipe.config starts from a model file (init_sha256); a training case "
                                  + "trains from scratch")
        }
        return configuration
    }

    /// The model file of a checkpoint case, read once with `reading`.
    /// - Throws: ``RegressionError`` when it cannot be read or is not the recorded file.
    static func model(_ reference: GoldenRecipe.FileReference?, of name: String, at url: URL,
                      reading: HDF5Reading) throws -> StoredModel {
        guard let reference else { throw RegressionError("\(name): a checkpoint case needs recipe.model") }
        let file = GoldenCaseFile.resolve(reference.path, from: url)
        do {
            return try ModelFileReader.read(file, using: reading, expectedSHA256: reference.fingerprint)
        } catch ModelFileError.otherFile(_, let digest, _) {
            throw RegressionError("\(name): the model file \(file.path) has changed (sha256 \(digest), the case "
                                  + "records \(reference.fingerprint))")
        } catch {
            throw RegressionError("\(name): \(error)")
        }
    }
}
