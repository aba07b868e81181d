import TGSData

/// What is wrong with an image's shape, as a phrase that follows the image's name.
package enum ImageShapeProblem: Equatable, Sendable, CustomStringConvertible {
    /// The image is not square.
    case notSquare(width: Int, height: Int)
    /// The image is smaller than ``TGSData/DataSet/minimumSize`` on a side.
    case tooSmall(width: Int, height: Int)
    /// The image's side is not `commonSize`, that of the other images.
    case otherSize(width: Int, height: Int, commonSize: Int)
    /// The image is not `size` x `size`, the size the model takes.
    case notModelSize(width: Int, height: Int, size: Int)

    /// For example `is 3 x 4, not square`.
    package var description: String {
        switch self {
        case .notSquare(let width, let height):
            "is \(width) x \(height), not square"
        case .tooSmall(let width, let height):
            "is \(width) x \(height), smaller than \(DataSet.minimumSize) x \(DataSet.minimumSize)"
        case .otherSize(let width, let height, let commonSize):
            "is \(width) x \(height), the other images are \(commonSize) x \(commonSize)"
        case .notModelSize(let width, let height, let size):
            "is \(width) x \(height) but the model takes \(size) x \(size) images"
        }
    }
}
