/// A self-contained SVG picture built element by element.
package struct SVGDocument {
    /// The width in pixels.
    package let width: Double
    /// The height in pixels.
    package let height: Double
    private var elements: [String] = []

    /// An empty picture of `width` x `height` pixels on a white background.
    package init(width: Double, height: Double) {
        self.width = width
        self.height = height
        elements.append(SVG.rect(x: 0, y: 0, width: width, height: height, attributes: ["fill": "#ffffff"]))
    }

    /// Adds `element` (SVG markup) on top of what is there.
    package mutating func append(_ element: String) {
        elements.append(element)
    }

    /// Adds each of `elements`, in order.
    package mutating func append(contentsOf elements: [String]) {
        self.elements += elements
    }

    /// The file's text: an XML declaration, then the `svg` element with every element added.
    package var text: String {
        let size = "width=\"\(SVG.number(width))\" height=\"\(SVG.number(height))\" "
            + "viewBox=\"0 0 \(SVG.number(width)) \(SVG.number(height))\""
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" \(size) \
            font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="12" fill="#222222">

            """ + elements.map { "  " + $0 + "\n" }.joined() + "</svg>\n"
    }
}
