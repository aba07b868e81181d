import Foundation
import ImageFiles
import Reports
import Scoring
import TGSData

/// One image of an overlay sheet: the picture, its true and predicted masks and its result.
struct OverlayTile {
    /// The image's result (id, class, overlap, score).
    let result: ImageResult
    /// `S*S` intensities in [0, 1], row-major.
    let image: [Float]
    /// The true mask, row-major, 1 for salt.
    let truth: [UInt8]
    /// The predicted mask, row-major.
    let prediction: [Bool]
}

/// A sheet of images with the true and predicted salt outlined on them, each image embedded
/// as a grayscale PNG (a data URI) and each outline drawn as an SVG path.
enum OverlaySheet {
    /// Images per row.
    static let columns = 4
    /// The side of an image on the sheet, in pixels.
    static let tileSide = 150.0

    /// The SVG text of `tiles`.
    /// - Parameters:
    ///   - size: S, the side of the images.
    ///   - threshold: the mask threshold the predictions were made with, for the legend.
    /// - Throws: ``ImageFiles/ImageFileError`` when an image cannot be encoded as PNG.
    static func svg(_ tiles: [OverlayTile], size: Int, threshold: Double) throws -> String {
        let gap = 16.0, labelHeight = 36.0, header = 78.0
        let rows = max(1, (tiles.count + columns - 1) / columns)
        var document = SVGDocument(width: gap + Double(columns) * (tileSide + gap),
                                   height: header + Double(rows) * (tileSide + labelHeight + gap))
        document.append(SVG.text("Predictions on \(tiles.count) images across the coverage classes", x: gap, y: 26,
                                 attributes: ["font-size": "16", "font-weight": "bold"]))
        document.append(SVG.text("contrast stretched per image; IoU and score at threshold "
                                 + FixedDecimal.text(threshold, digits: 2), x: gap, y: 44,
                                 attributes: ["fill": "#666666"]))
        document.append(contentsOf: legend(x: gap, y: 64, threshold: threshold))
        let stroke = 2.2 * Double(size) / tileSide
        for (index, tile) in tiles.enumerated() {
            let x = gap + Double(index % columns) * (tileSide + gap)
            let y = header + Double(index / columns) * (tileSide + labelHeight + gap)
            let picture = try pngDataURI(tile.image, size: size, name: tile.result.id)
            let outlines = [
                SVG.element("image", ["x": "0", "y": "0", "width": "\(size)", "height": "\(size)",
                                      "preserveAspectRatio": "none", "style": "image-rendering:pixelated",
                                      "xlink:href": picture]),
                outline(tile.truth.map { $0 != 0 }, size: size, colour: PlotPalette.truthOutline, width: stroke),
                outline(tile.prediction, size: size, colour: PlotPalette.predictionOutline, width: stroke),
            ]
            let frame = ["x": SVG.number(x), "y": SVG.number(y), "width": SVG.number(tileSide),
                         "height": SVG.number(tileSide), "viewBox": "0 0 \(size) \(size)"]
            document.append("<svg" + frame.sorted { $0.key < $1.key }.map { " \($0.key)=\"\($0.value)\"" }.joined()
                            + ">" + outlines.joined() + "</svg>")
            document.append(SVG.rect(x: x, y: y, width: tileSide, height: tileSide,
                                     attributes: ["fill": "none", "stroke": "#666666", "stroke-width": "0.5"]))
            document.append(contentsOf: label(tile.result, x: x, y: y + tileSide))
        }
        return document.text
    }

    /// The two lines under an image: its id; its class, IoU and score.
    private static func label(_ result: ImageResult, x: Double, y: Double) -> [String] {
        let overlap = result.overlap
        let iou = overlap.union > 0 ? FixedDecimal.text(Double(overlap.intersection) / Double(overlap.union), digits: 2) : "–"
        return [
            SVG.text(result.id, x: x, y: y + 15, attributes: ["font-size": "11", "font-family": "DejaVu Sans Mono, monospace"]),
            SVG.text("class \(result.coverageClass) · IoU \(iou) · score \(FixedDecimal.text(result.score, digits: 1))",
                     x: x, y: y + 29, attributes: ["font-size": "11", "fill": "#555555"]),
        ]
    }

    private static func legend(x: Double, y: Double, threshold: Double) -> [String] {
        [
            SVG.rect(x: x, y: y - 9, width: 22, height: 10, attributes: ["fill": "#777777"]),
            SVG.line(x, y - 4, x + 22, y - 4, attributes: ["stroke": PlotPalette.truthOutline, "stroke-width": "2.5"]),
            SVG.text("true salt", x: x + 28, y: y),
            SVG.rect(x: x + 110, y: y - 9, width: 22, height: 10, attributes: ["fill": "#777777"]),
            SVG.line(x + 110, y - 4, x + 132, y - 4, attributes: ["stroke": PlotPalette.predictionOutline,
                                                                   "stroke-width": "2.5"]),
            SVG.text("predicted salt (probability > \(FixedDecimal.text(threshold, digits: 2)))", x: x + 138, y: y),
        ]
    }

    private static func outline(_ mask: [Bool], size: Int, colour: String, width: Double) -> String {
        SVG.element("path", ["d": MaskOutline.pathData(mask, size: size), "fill": "none", "stroke": colour,
                             "stroke-width": SVG.number(width), "stroke-linecap": "square"])
    }

    /// The image as `data:image/png;base64,...`: 8-bit gray, its intensities stretched to
    /// the full range (a flat image stays as it is).
    private static func pngDataURI(_ image: [Float], size: Int, name: String) throws -> String {
        let low = image.min() ?? 0, high = image.max() ?? 1
        let span = high > low ? high - low : 1
        let offset = high > low ? low : 0
        let bytes = image.map { UInt8(max(0, min(255, ((($0 - offset) / span) * 255).rounded()))) }
        let png = try PNGFile.encode(GrayImage(width: size, height: size, bytes: bytes), name: name)
        return "data:image/png;base64," + png.base64EncodedString()
    }
}
