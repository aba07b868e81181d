import Foundation
import HDF5Kit
import ModelFile

/// The model files one command reads, each read once however many of its options name it
/// (`train --config-from F --init F`).
final class ModelFiles {
    /// How the files are read.
    let reading: HDF5Reading
    /// The models read so far, by standardized path.
    private var models: [String: StoredModel] = [:]

    /// Model files read with `reading` (default: the commands').
    init(reading: HDF5Reading = ProgramReading.commands) {
        self.reading = reading
    }

    /// The model file at `path`, read on first use and named as given.
    /// - Throws: the errors of ``ModelFile/ModelFileReader/read(_:using:name:threads:)``,
    ///   which name the file by its full path.
    func model(_ path: String) throws -> StoredModel {
        let url = URL(fileURLWithPath: path)
        let key = url.standardizedFileURL.path
        if let model = models[key] { return model }
        var model = try ModelFileReader.read(url, using: reading)
        model.name = path
        models[key] = model
        return model
    }
}
