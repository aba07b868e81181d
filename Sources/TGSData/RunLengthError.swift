/// A run-length text that does not decode, naming the first faulty token.
package struct RunLengthError: Error, Equatable, CustomStringConvertible {
    /// What is wrong with the token.
    package enum Problem: Equatable, Sendable {
        /// The token is not an integer (or does not fit in one).
        case notAnInteger
        /// The token is the last of an odd number of tokens: a start without a length.
        case missingLength(tokenCount: Int)
        /// A run start below 1.
        case startBelowOne
        /// A run length below 1.
        case lengthBelowOne
        /// The run ends after the last pixel of the image.
        case pastLastPixel(start: Int, pixelCount: Int)
        /// The run starts inside or before the run before it, which ends at `previousEnd`.
        case notAfterPreviousRun(previousEnd: Int)
    }

    /// The faulty token's position among the tokens, counting from 1.
    package let token: Int
    /// The faulty token's text.
    package let text: String
    /// What is wrong.
    package let problem: Problem

    /// An error about token number `token`, whose text is `text`.
    package init(token: Int, text: String, problem: Problem) {
        self.token = token
        self.text = text
        self.problem = problem
    }

    /// One line: the token, its text and what is wrong with it.
    package var description: String {
        let subject = "token \(token) \"\(text)\""
        switch problem {
        case .notAnInteger:
            return "\(subject) is not an integer"
        case let .missingLength(tokenCount):
            return "odd number of tokens (\(tokenCount)): \(subject) is a start without a length"
        case .startBelowOne:
            return "\(subject): a run start must be at least 1"
        case .lengthBelowOne:
            return "\(subject): a run length must be at least 1"
        case let .pastLastPixel(start, pixelCount):
            return "\(subject): the run from pixel \(start) ends past the last pixel \(pixelCount)"
        case let .notAfterPreviousRun(previousEnd):
            return "\(subject): the run starts inside or before the previous run (which ends at pixel \(previousEnd)); runs must be sorted and disjoint"
        }
    }
}
