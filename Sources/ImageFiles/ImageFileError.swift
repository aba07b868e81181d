/// An image file that could not be read: `cannot read NAME: REASON`, on one line.
package enum ImageFileError: Error, Equatable, CustomStringConvertible {
    /// Nothing exists at the path.
    case noSuchFile(name: String)
    /// The file exists but cannot be opened.
    case unopenable(name: String)
    /// The file does not start with the PNG signature.
    case notPNG(name: String)
    /// The file's `byteCount` bytes end before a complete IEND chunk.
    case truncated(name: String, byteCount: Int)
    /// The image is empty or larger than ``PNGFile/maximumPixelCount`` pixels.
    case unsupportedSize(name: String, width: Int, height: Int)
    /// libpng refused the file with `message`.
    case library(name: String, message: String)

    /// The file as the caller named it (a path, or a path relative to a data folder).
    package var name: String {
        switch self {
        case .noSuchFile(let name), .unopenable(let name), .notPNG(let name), .truncated(let name, _),
             .unsupportedSize(let name, _, _), .library(let name, _):
            name
        }
    }

    /// What went wrong, in a few words.
    package var reason: String {
        switch self {
        case .noSuchFile: "no such file"
        case .unopenable: "the file cannot be opened"
        case .notPNG: "not a PNG file"
        case .truncated(_, let byteCount): "truncated PNG file (\(byteCount) bytes, no complete IEND chunk)"
        case .unsupportedSize(_, let width, let height): "unsupported size \(width) x \(height)"
        case .library(_, let message): message
        }
    }

    /// `cannot read NAME: REASON`, on one line.
    package var description: String { "cannot read \(name): \(reason)" }
}
