import Evaluation
import Foundation
import TGSData
import TGSFiles

/// One side of `score`: a run-length table (`id,rle_mask`) or a folder of mask images.
enum MaskSource {
    /// A table file.
    case table(URL)
    /// A folder of `ID.png` images, read.
    case folder(URL, images: [(id: String, image: [Float])])

    /// The source at `path`: a folder (its images read now) or a table file.
    /// - Throws: ``ImageFiles/ImageFileError`` or ``TGSFiles/DataProblem`` naming the image
    ///   or folder; ``CommandError/noMaskSource(_:)`` when nothing is at `path`.
    static func open(_ path: String) throws -> MaskSource {
        let url = URL(fileURLWithPath: path)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw CommandError.noMaskSource(path)
        }
        return isFolder.boolValue ? .folder(url, images: try ImageFolder.load(from: url)) : .table(url)
    }

    /// The side of the folder's images; nil for a table.
    var side: Int? {
        guard case .folder(_, let images) = self, let first = images.first else { return nil }
        return Int(Double(first.image.count).squareRoot())
    }

    /// Whether the source is a folder of images.
    var isFolder: Bool { side != nil }

    /// The masks, in id order for a folder and in table order for a table.
    /// - Parameters:
    ///   - size: S; a folder's images must be S x S.
    ///   - threshold: for a folder, a pixel is salt when its value (divided by the largest
    ///     value of its bit depth) is above the threshold; without one, when it is above 0.
    ///   - name: how errors name the source.
    /// - Throws: ``TGSFiles/DataProblem`` naming the table's row or id;
    ///   ``CommandError/maskSize(source:side:size:)`` when a folder's images are not S x S.
    func masks(size: Int, threshold: Double?, name: String) throws -> [IdentifiedMask] {
        switch self {
        case .table(let url):
            return try RunLengthTable.read(url, size: size, name: name)
        case .folder(_, let images):
            if let side, side != size {
                throw CommandError.maskSize(source: name, side: side, size: size)
            }
            return images.map { item in
                IdentifiedMask(id: item.id, mask: item.image.map { value in
                    (threshold.map { Double(value) > $0 } ?? (value > 0)) ? 1 : 0
                })
            }
        }
    }
}
