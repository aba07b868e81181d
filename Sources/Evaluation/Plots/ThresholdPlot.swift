import Reports
import Scoring

/// The score against the mask threshold, with the best threshold and the report's
/// threshold marked.
enum ThresholdPlot {
    /// The SVG text of the sweep.
    /// - Parameter threshold: the report's threshold, marked when it lies in the sweep's range.
    static func svg(_ sweep: ThresholdSweep, threshold: Double) -> String {
        var document = SVGDocument(width: 680, height: 420)
        let thresholds = ThresholdSweep.thresholds
        let lowest = sweep.scores.min() ?? 0, highest = sweep.scores.max() ?? 1
        let frame = PlotFrame(left: 72, top: 56, width: 580, height: 300,
                              xScale: AxisScale(lower: 0.3, upper: 0.7, step: 0.05),
                              yScale: AxisScale(covering: lowest, highest + 0.08 * (highest - lowest)).clamped(to: 0...1))
        document.append(SVG.text("Score against mask threshold", x: 72, y: 26, attributes: ["font-size": "16",
                                                                                              "font-weight": "bold"]))
        document.append(SVG.text("mean TGS score of the images when a pixel is salt above the threshold", x: 72, y: 44,
                                 attributes: ["fill": "#666666"]))
        document.append(contentsOf: frame.axes(xTitle: "mask threshold θ", yTitle: "score"))
        if (0.3...0.7).contains(threshold) {
            document.append(SVG.line(frame.x(threshold), frame.top, frame.x(threshold), frame.top + frame.height,
                                     attributes: ["stroke": PlotPalette.gray, "stroke-width": "1.5",
                                                  "stroke-dasharray": "2 3"]))
            document.append(SVG.text("θ = \(FixedDecimal.text(threshold, digits: 2))", x: frame.x(threshold) + 4,
                                     y: frame.top + frame.height - 6, attributes: ["fill": "#666666", "font-size": "11"]))
        }
        let best = sweep.bestThreshold
        document.append(SVG.line(frame.x(best), frame.top, frame.x(best), frame.top + frame.height,
                                 attributes: ["stroke": PlotPalette.purple, "stroke-width": "1.5",
                                              "stroke-dasharray": "6 4"]))
        let points = zip(thresholds, sweep.scores).map { (x: frame.x($0), y: frame.y($1)) }
        document.append(SVG.polyline(points, attributes: ["stroke": PlotPalette.blue, "stroke-width": "2"]))
        for point in points {
            document.append(SVG.circle(point.x, point.y, radius: 2.5, attributes: ["fill": PlotPalette.blue]))
        }
        document.append(SVG.circle(frame.x(best), frame.y(sweep.bestScore), radius: 6,
                                   attributes: ["fill": "none", "stroke": PlotPalette.purple, "stroke-width": "2.5"]))
        let label = "best θ = \(FixedDecimal.text(best, digits: 4)), score \(FixedDecimal.text(sweep.bestScore, digits: 4))"
        let onRight = best < 0.55
        let labelWidth = 7.4 * Double(label.count) + 12
        let labelX = onRight ? frame.x(best) + 10 : frame.x(best) - 10 - labelWidth
        let labelY = frame.y(sweep.bestScore) < frame.top + frame.height / 2 ? frame.top + frame.height - 58 : frame.top + 12
        document.append(SVG.rect(x: labelX, y: labelY, width: labelWidth, height: 22,
                                 attributes: ["fill": "#ffffff", "fill-opacity": "0.9", "stroke": PlotPalette.purple,
                                              "rx": "4"]))
        document.append(SVG.text(label, x: labelX + 6, y: labelY + 15,
                                 attributes: ["fill": PlotPalette.purple, "font-weight": "bold"]))
        return document.text
    }
}
