import CPNG
import FileOutput
import Foundation
import TGSData

/// Grayscale PNG files through libpng's simplified API.
///
/// Reading: 8-bit files (and 1-, 2-, 4-bit gray, palette, RGB, gray + alpha, RGBA)
/// become 8-bit gray; 16-bit files become 16-bit gray. Colour becomes its luminance
/// (libpng's sRGB coefficients); an alpha channel is composited onto black.
/// Writing: 8- or 16-bit gray.
package enum PNGFile {
    /// The largest image read, in pixels (a guard against a header that claims gigapixels).
    package static let maximumPixelCount = 1 << 26

    /// Reads the PNG file at `url`.
    /// - Parameters:
    ///   - url: the file.
    ///   - name: how errors name the file (default: its path).
    /// - Throws: ``ImageFileError`` naming the file.
    package static func read(_ url: URL, name: String? = nil) throws(ImageFileError) -> GrayImage {
        let name = name ?? url.path
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let exists = FileManager.default.fileExists(atPath: url.path)
            throw exists ? .unopenable(name: name) : .noSuchFile(name: name)
        }
        return try decode(data, name: name)
    }

    /// Decodes PNG bytes.
    /// - Parameters:
    ///   - data: the bytes of a PNG file.
    ///   - name: how errors name the file.
    /// - Throws: ``ImageFileError`` naming the file.
    package static func decode(_ data: Data, name: String) throws(ImageFileError) -> GrayImage {
        if let problem = PNGChunkLayout.problem(in: data, name: name) { throw problem }
        var control = png_image()
        control.version = png_uint_32(PNG_IMAGE_VERSION)
        defer { png_image_free(&control) }
        return try data.withUnsafeBytes { bytes -> Result<GrayImage, ImageFileError> in
            // libpng keeps reading from `bytes` until png_image_finish_read returns.
            guard png_image_begin_read_from_memory(&control, bytes.baseAddress, bytes.count) != 0 else {
                return .failure(.library(name: name, message: libraryMessage(control)))
            }
            let width = Int(control.width), height = Int(control.height)
            guard width > 0, height > 0, width * height <= maximumPixelCount else {
                return .failure(.unsupportedSize(name: name, width: width, height: height))
            }
            let sixteenBit = control.format & png_uint_32(PNG_FORMAT_FLAG_LINEAR) != 0
            control.format = grayFormat(sixteenBit: sixteenBit)
            var black = png_color(red: 0, green: 0, blue: 0)
            let finished: Bool
            let pixels: [UInt16]
            if sixteenBit {
                var samples = [UInt16](repeating: 0, count: width * height)
                finished = png_image_finish_read(&control, &black, &samples, 0, nil) != 0
                pixels = samples
            } else {
                var samples = [UInt8](repeating: 0, count: width * height)
                finished = png_image_finish_read(&control, &black, &samples, 0, nil) != 0
                pixels = samples.map(UInt16.init)
            }
            guard finished else { return .failure(.library(name: name, message: libraryMessage(control))) }
            return .success(GrayImage(width: width, height: height, bitDepth: sixteenBit ? 16 : 8, pixels: pixels))
        }.get()
    }

    /// The PNG bytes of `image` (8-bit gray, or 16-bit gray with a linear gamma chunk).
    /// - Parameter name: how an error names the file being made.
    /// - Throws: `FileWriteError` naming the file when libpng refuses the image.
    package static func encode(_ image: GrayImage, name: String) throws -> Data {
        var control = png_image()
        control.version = png_uint_32(PNG_IMAGE_VERSION)
        control.width = png_uint_32(image.width)
        control.height = png_uint_32(image.height)
        control.format = grayFormat(sixteenBit: image.bitDepth == 16)
        defer { png_image_free(&control) }
        func encode(_ samples: UnsafeRawBufferPointer) throws -> Data {
            var size: png_alloc_size_t = 0
            guard png_image_write_to_memory(&control, nil, &size, 0, samples.baseAddress, 0, nil) != 0 else {
                throw FileWriteError(path: name, reason: libraryMessage(control))
            }
            var output = Data(count: Int(size))
            let written = output.withUnsafeMutableBytes { buffer in
                png_image_write_to_memory(&control, buffer.baseAddress, &size, 0, samples.baseAddress, 0, nil)
            }
            guard written != 0 else { throw FileWriteError(path: name, reason: libraryMessage(control)) }
            return output.prefix(Int(size))
        }
        if image.bitDepth == 16 {
            return try image.pixels.withUnsafeBytes(encode)
        }
        return try image.pixels.map { UInt8(truncatingIfNeeded: $0) }.withUnsafeBytes(encode)
    }

    /// Writes `image` to `url` as a PNG file, replacing an existing file atomically
    /// (`FileOutput.AtomicFile`): a failed write leaves no partial file.
    /// - Throws: `FileWriteError` naming the file.
    package static func write(_ image: GrayImage, to url: URL) throws {
        try AtomicFile.write(try encode(image, name: url.path), to: url)
    }

    /// Writes `image` to `url` as a PNG file through `batch`, which flushes the folder
    /// once for all of its files.
    /// - Throws: `FileWriteError` naming the file.
    package static func write(_ image: GrayImage, to url: URL, in batch: inout FileBatch) throws {
        try batch.write(try encode(image, name: url.path), to: url)
    }

    /// The simplified API's format code of one gray channel: 16-bit linear or 8-bit.
    private static func grayFormat(sixteenBit: Bool) -> png_uint_32 {
        sixteenBit ? png_uint_32(PNG_FORMAT_LINEAR_Y) : png_uint_32(PNG_FORMAT_GRAY)
    }

    /// libpng's message from a failed call, or a generic one when it left none.
    private static func libraryMessage(_ control: png_image) -> String {
        var message = control.message
        let text = withUnsafeBytes(of: &message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        return text.isEmpty ? "libpng failed" : text
    }
}
