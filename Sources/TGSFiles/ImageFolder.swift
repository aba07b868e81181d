import Foundation
import TGSData
import ImageFiles

/// A folder of images to predict: every `*.png` in it.
package enum ImageFolder {
    /// The images of `directory`, each with its id (the file-name stem), sorted by the
    /// UTF-8 bytes of the ids; intensities as in ``Sample/image``.
    /// - Throws: ``DataProblem`` when the folder cannot be listed or has no PNG file,
    ///   ``ImageFiles/ImageFileError`` naming a file that cannot be read, and
    ///   ``DataProblem/image(path:_:)`` naming an image that is not square, smaller than
    ///   ``DataSet/minimumSize`` or of another size than the others.
    package static func load(from directory: URL) throws -> [(id: String, image: [Float])] {
        let ids = try ids(in: directory)
        let images = try ids.map { try PNGFile.read(directory.appendingPathComponent($0 + ".png")) }
        let size = SquareImageRule.commonSize(of: images.map { (width: $0.width, height: $0.height) })
        for (id, image) in zip(ids, images) {
            if let problem = SquareImageRule.problem(width: image.width, height: image.height, commonSize: size) {
                throw DataProblem.image(path: directory.appendingPathComponent(id + ".png").path, problem)
            }
        }
        return zip(ids, images).map { (id: $0, image: $1.normalized) }
    }

    /// The ids of the images of `directory` (their file-name stems), sorted by their UTF-8
    /// bytes.
    /// - Throws: ``DataProblem`` when the folder cannot be listed or has no PNG file.
    package static func ids(in directory: URL) throws(DataProblem) -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw .unlistableFolder(path: directory.path)
        }
        let ids = names.filter { $0.hasSuffix(".png") }.map { String($0.dropLast(4)) }
            .sorted(by: IDOrder.precedes)
        guard !ids.isEmpty else { throw .noImages(folder: directory.path) }
        return ids
    }

    /// The image `id` of `directory`, which must be `size` x `size`; intensities as in
    /// ``Sample/image``.
    /// - Throws: ``ImageFiles/ImageFileError`` naming a file that cannot be read, and
    ///   ``DataProblem/image(path:_:)`` naming an image of another size.
    package static func image(_ id: String, in directory: URL, size: Int) throws -> [Float] {
        let url = directory.appendingPathComponent(id + ".png")
        let image = try PNGFile.read(url)
        guard image.width == size && image.height == size else {
            throw DataProblem.image(path: url.path,
                                    .notModelSize(width: image.width, height: image.height, size: size))
        }
        return image.normalized
    }
}
