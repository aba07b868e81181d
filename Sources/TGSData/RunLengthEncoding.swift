/// The run-length encoding of binary masks used by the TGS Salt submissions.
///
/// Pixels are numbered from 1, top to bottom and then left to right (column-major); the
/// text is space-separated `start length` pairs, sorted, each run maximal, runs free to
/// cross from one column into the next. The empty mask is the empty string.
///
/// Decoding accepts what decodes to exactly one mask: runs that touch (`1 2 3 4`) are
/// accepted although an encoder would have merged them, and several spaces or tabs
/// between tokens are accepted. Everything else is refused with an error that names the
/// token: an odd number of tokens, a token that is not an integer, a start below 1, a
/// length below 1, a run past the last pixel, a run that starts inside or before the one
/// before it.
package enum RunLengthEncoding {
    /// One run of salt pixels.
    package struct Run: Equatable, Sendable {
        /// The number of its first pixel, counting from 1 in column-major order.
        package let start: Int
        /// The number of pixels, at least 1.
        package let length: Int

        /// A run from its first pixel and its length.
        package init(start: Int, length: Int) {
            self.start = start
            self.length = length
        }
    }

    /// The encoding of a row-major `mask` (non-zero = salt).
    /// - Precondition: `mask.count == width * height`.
    /// - Complexity: O(width * height).
    package static func encode(_ mask: [UInt8], width: Int, height: Int) -> String {
        precondition(mask.count == width * height, "mask size must be width * height")
        var pairs: [String] = []
        var runStart = 0
        var position = 0
        for x in 0..<width {
            for y in 0..<height {
                position += 1
                let salt = mask[y * width + x] > 0
                if salt && runStart == 0 {
                    runStart = position
                } else if !salt && runStart != 0 {
                    pairs.append("\(runStart) \(position - runStart)")
                    runStart = 0
                }
            }
        }
        if runStart != 0 { pairs.append("\(runStart) \(position + 1 - runStart)") }
        return pairs.joined(separator: " ")
    }

    /// The runs of `text`, checked for everything but the image size.
    /// - Parameter pixelCount: when given, runs past this pixel are refused too.
    /// - Throws: ``RunLengthError`` naming the first faulty token.
    /// - Complexity: O(length of `text`).
    package static func runs(in text: String, pixelCount: Int? = nil) throws(RunLengthError) -> [Run] {
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        var runs: [Run] = []
        var previousEnd = 0
        for pairStart in stride(from: 0, to: tokens.count, by: 2) {
            let startToken = pairStart + 1, lengthToken = pairStart + 2
            let start = try integer(tokens[pairStart], token: startToken)
            guard pairStart + 1 < tokens.count else {
                throw RunLengthError(token: startToken, text: tokens[pairStart], problem: .missingLength(tokenCount: tokens.count))
            }
            let length = try integer(tokens[pairStart + 1], token: lengthToken)
            guard start >= 1 else { throw RunLengthError(token: startToken, text: tokens[pairStart], problem: .startBelowOne) }
            guard length >= 1 else {
                throw RunLengthError(token: lengthToken, text: tokens[pairStart + 1], problem: .lengthBelowOne)
            }
            guard start > previousEnd else {
                throw RunLengthError(token: startToken, text: tokens[pairStart], problem: .notAfterPreviousRun(previousEnd: previousEnd))
            }
            let (sum, overflow) = start.addingReportingOverflow(length - 1)
            let end = overflow ? Int.max : sum
            if let pixelCount, end > pixelCount {
                throw RunLengthError(token: lengthToken, text: tokens[pairStart + 1],
                                     problem: .pastLastPixel(start: start, pixelCount: pixelCount))
            }
            runs.append(Run(start: start, length: length))
            previousEnd = end
        }
        return runs
    }

    /// The row-major mask (0 or 1) that `text` encodes.
    /// - Throws: ``RunLengthError`` naming the first faulty token.
    /// - Complexity: O(width * height + length of `text`).
    package static func decode(_ text: String, width: Int, height: Int) throws(RunLengthError) -> [UInt8] {
        mask(of: try runs(in: text, pixelCount: width * height), width: width, height: height)
    }

    /// The row-major mask (0 or 1) of runs that lie inside a `width` x `height` image.
    /// - Precondition: every run lies inside the image (as ``runs(in:pixelCount:)``
    ///   checks when given the pixel count).
    /// - Complexity: O(width * height).
    package static func mask(of runs: [Run], width: Int, height: Int) -> [UInt8] {
        var mask = [UInt8](repeating: 0, count: width * height)
        for run in runs {
            precondition(run.start >= 1 && run.start - 1 + run.length <= mask.count, "run outside the image")
            for position in (run.start - 1)..<(run.start - 1 + run.length) {
                mask[(position % height) * width + position / height] = 1
            }
        }
        return mask
    }

    /// The value of a token made of ASCII digits with an optional leading minus sign.
    private static func integer(_ text: String, token: Int) throws(RunLengthError) -> Int {
        let digits = text.hasPrefix("-") ? text.utf8.dropFirst() : text.utf8[...]
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              let value = Int(text) else {
            throw RunLengthError(token: token, text: text, problem: .notAnInteger)
        }
        return value
    }
}
