import Foundation
import TGSData
import ImageFiles

/// A folder of images to predict: every `*.png` in it.
package enum ImageFolder {
    /// The images of `directory`, each with its id (the file-name stem), sorted by the
    /// UTF-8 bytes of the ids; intensities as in ``Sample/image``.
    /// - Throws: ``ImageFolderError`` when the folder cannot be listed or has no PNG
    ///   file, ``ImageFiles/ImageFileError`` naming a file that cannot be read, and
    ///   ``ImageFolderError`` naming an image that is not square, smaller than
    ///   ``DataSet/minimumSize`` or of another size than the others.
    package static func load(from directory: URL) throws -> [(id: String, image: [Float])] {
        let ids = try ids(in: directory)
        let images = try ids.map { try PNGFile.read(directory.appendingPathComponent($0 + ".png")) }
        let size = SquareImageRule.commonSize(of: images.map { (width: $0.width, height: $0.height) })
        for (id, image) in zip(ids, images) {
            if let problem = SquareImageRule.problem(width: image.width, height: image.height, commonSize: size) {
                throw ImageFolderError("image \(directory.appendingPathComponent(id + ".png").path) \(problem)")
            }
        }
        return zip(ids, images).map { (id: $0, image: $1.normalized) }
    }

    /// The ids of the images of `directory` (their file-name stems), sorted by their UTF-8
    /// bytes.
    /// - Throws: ``ImageFolderError`` when the folder cannot be listed or has no PNG file.
    package static func ids(in directory: URL) throws -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw ImageFolderError("cannot list \(directory.path): not a readable folder")
        }
        let ids = names.filter { $0.hasSuffix(".png") }.map { String($0.dropLast(4)) }
            .sorted(by: IDOrder.precedes)
        guard !ids.isEmpty else { throw ImageFolderError("\(directory.path) holds no PNG image") }
        return ids
    }

    /// The image `id` of `directory`, which must be `size` x `size`; intensities as in
    /// ``Sample/image``.
    /// - Throws: ``ImageFiles/ImageFileError`` naming a file that cannot be read, and
    ///   ``ImageFolderError`` naming an image of another size.
    package static func image(_ id: String, in directory: URL, size: Int) throws -> [Float] {
        let url = directory.appendingPathComponent(id + ".png")
        let image = try PNGFile.read(url)
        guard image.width == size && image.height == size else {
            throw ImageFolderError("image \(url.path) is \(image.width) x \(image.height) but the model takes "
                                   + "\(size) x \(size) images")
        }
        return image.normalized
    }
}

/// A folder of images that cannot be used as a whole.
package struct ImageFolderError: Error, Equatable, CustomStringConvertible {
    /// The one-line description, naming the folder or the file.
    package let description: String

    init(_ description: String) {
        self.description = description
    }
}
