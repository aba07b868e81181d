/// SVG elements as text, with coordinates written to two decimals so that the files do
/// not depend on the locale.
package enum SVG {
    /// `value` with at most two decimals and no trailing zeros.
    package static func number(_ value: Double) -> String {
        var text = FixedDecimal.text(value, digits: 2)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// `text` with the characters XML reserves escaped.
    package static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }

    /// An element `name` with `attributes` (sorted by name) and optional text content.
    package static func element(_ name: String, _ attributes: [String: String], content: String? = nil) -> String {
        let list = attributes.sorted { $0.key < $1.key }.map { " \($0.key)=\"\(escape($0.value))\"" }.joined()
        guard let content else { return "<\(name)\(list)/>" }
        return "<\(name)\(list)>\(escape(content))</\(name)>"
    }

    /// A rectangle.
    package static func rect(x: Double, y: Double, width: Double, height: Double, attributes: [String: String] = [:]) -> String {
        element("rect", attributes.merging(["x": number(x), "y": number(y), "width": number(width),
                                            "height": number(height)]) { $1 })
    }

    /// A straight line.
    package static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, attributes: [String: String]) -> String {
        element("line", attributes.merging(["x1": number(x1), "y1": number(y1), "x2": number(x2), "y2": number(y2)]) { $1 })
    }

    /// A line through `points`.
    package static func polyline(_ points: [(x: Double, y: Double)], attributes: [String: String]) -> String {
        element("polyline", attributes.merging(["fill": "none",
                                                "points": points.map { "\(number($0.x)),\(number($0.y))" }
                                                    .joined(separator: " ")]) { $1 })
    }

    /// A circle.
    package static func circle(_ x: Double, _ y: Double, radius: Double, attributes: [String: String]) -> String {
        element("circle", attributes.merging(["cx": number(x), "cy": number(y), "r": number(radius)]) { $1 })
    }

    /// Text at (x, y); `anchor` is `start`, `middle` or `end`.
    package static func text(_ content: String, x: Double, y: Double, anchor: String = "start",
                     attributes: [String: String] = [:]) -> String {
        element("text", attributes.merging(["x": number(x), "y": number(y), "text-anchor": anchor]) { $1 },
                content: content)
    }
}
