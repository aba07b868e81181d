/// One dimension of a shape in the schema: a sum of products of whole numbers and
/// symbols, such as `3`, `"S"` or `"16*n"`.
struct DimensionExpression: Decodable, Equatable, Sendable, CustomStringConvertible {
    /// A factor of a product.
    enum Factor: Equatable, Sendable {
        case number(Int)
        case symbol(String)
    }

    /// The terms of the sum, each a product of factors.
    let terms: [[Factor]]
    /// The text as the schema writes it.
    let description: String

    /// Parses `text`: terms separated by `+`, factors by `*` (no spaces), each factor a
    /// whole number or a symbol (letters, digits and `_`, not starting with a digit).
    init?(_ text: String) {
        var terms: [[Factor]] = []
        for term in text.split(separator: "+", omittingEmptySubsequences: false) {
            var factors: [Factor] = []
            for piece in term.split(separator: "*", omittingEmptySubsequences: false) {
                let factor = String(piece)
                guard let first = factor.first else { return nil }
                if let number = Int(factor), number >= 0 {
                    factors.append(.number(number))
                } else if !first.isNumber, factor.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                    factors.append(.symbol(factor))
                } else {
                    return nil
                }
            }
            terms.append(factors)
        }
        self.terms = terms
        self.description = text
    }

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try (try? container.decode(Int.self)).map(String.init) ?? container.decode(String.self)
        guard let expression = DimensionExpression(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "bad dimension \"\(text)\"")
        }
        self = expression
    }

    /// The symbols the expression uses.
    var symbols: [String] {
        terms.flatMap { $0 }.compactMap { if case .symbol(let name) = $0 { name } else { nil } }
    }

    /// The value with `values` for the symbols, or nil when one of them has no value or
    /// the result does not fit in `Int`.
    func evaluate(_ values: [String: Int]) -> Int? {
        var sum = 0
        for term in terms {
            var product = 1
            for factor in term {
                let value: Int
                switch factor {
                case .number(let number): value = number
                case .symbol(let name):
                    guard let bound = values[name] else { return nil }
                    value = bound
                }
                let (next, overflow) = product.multipliedReportingOverflow(by: value)
                guard !overflow else { return nil }
                product = next
            }
            let (next, overflow) = sum.addingReportingOverflow(product)
            guard !overflow else { return nil }
            sum = next
        }
        return sum
    }
}
