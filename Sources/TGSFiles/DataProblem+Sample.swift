import ImageFiles
import TGSData

extension DataProblem {
    /// What keeps an entry of `train.csv` from being a sample.
    package enum SampleProblem: Equatable, Sendable, CustomStringConvertible {
        /// The entry's `rle_mask` does not decode.
        case runLengthMask(RunLengthError)
        /// The image or mask file cannot be read.
        case unreadableFile(ImageFileError)
        /// The image at `path` (relative to the folder) has a shape it cannot have.
        case image(path: String, ImageShapeProblem)
        /// The mask image at `path` is `width` x `height`, and the image is `size` x `size`.
        case maskSize(path: String, width: Int, height: Int, size: Int)
        /// The mask image at `path` and `rle_mask` differ in `pixels` pixels.
        case maskDiffers(path: String, pixels: Int)

        /// What is wrong, as it follows `ID: `.
        package var description: String {
            switch self {
            case .runLengthMask(let error):
                "rle_mask: \(error)"
            case .unreadableFile(let error):
                "\(error)"
            case .image(let path, let shape):
                "image \(path) \(shape)"
            case .maskSize(let path, let width, let height, let size):
                "mask \(path) is \(width) x \(height), its image should be \(size) x \(size)"
            case .maskDiffers(let path, let pixels):
                "mask \(path) and rle_mask differ in \(pixels) pixels"
            }
        }
    }
}
