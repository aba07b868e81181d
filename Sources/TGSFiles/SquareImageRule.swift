import TGSData

/// The shape every image of a data set must have: square, at least
/// ``DataSet/minimumSize`` on a side, and the same side as the others.
enum SquareImageRule {
    /// The side of the data set: the most common side among the square images of at least
    /// the minimum size (equal counts: the side seen first), or nil when there is none.
    static func commonSize(of shapes: [(width: Int, height: Int)]) -> Int? {
        var counts: [Int: Int] = [:]
        var order: [Int] = []
        for shape in shapes where shape.width == shape.height && shape.width >= DataSet.minimumSize {
            if counts[shape.width] == nil { order.append(shape.width) }
            counts[shape.width, default: 0] += 1
        }
        var best: (side: Int, count: Int)?
        for side in order where counts[side, default: 0] > best?.count ?? 0 {
            best = (side, counts[side, default: 0])
        }
        return best?.side
    }

    /// What is wrong with an image of `width` x `height` in a data set of side
    /// `commonSize`; nil when nothing is.
    static func problem(width: Int, height: Int, commonSize: Int?) -> ImageShapeProblem? {
        if width != height { return .notSquare(width: width, height: height) }
        if width < DataSet.minimumSize { return .tooSmall(width: width, height: height) }
        if let commonSize, width != commonSize {
            return .otherSize(width: width, height: height, commonSize: commonSize)
        }
        return nil
    }
}
