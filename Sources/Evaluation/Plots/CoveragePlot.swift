import Reports
import Scoring

/// The mean score of each coverage class as bars, with the number of images of each and
/// the overall score as a line.
enum CoveragePlot {
    /// The SVG text of `summary`'s breakdown by coverage class.
    static func svg(_ summary: ScoreSummary) -> String {
        var document = SVGDocument(width: 680, height: 440)
        let classes = summary.coverageClasses
        let frame = PlotFrame(left: 72, top: 84, width: 580, height: 280,
                              xScale: AxisScale(lower: -0.5, upper: Double(classes.count) - 0.5, step: 1),
                              yScale: AxisScale(lower: 0, upper: 1, step: 0.2))
        document.append(SVG.text("Score by coverage class", x: 72, y: 26, attributes: ["font-size": "16",
                                                                                         "font-weight": "bold"]))
        document.append(SVG.text("class c: the true salt covers more than 10(c − 1)% and at most 10c% of the image; "
                                 + "class 0: no salt", x: 72, y: 44, attributes: ["fill": "#666666"]))
        let truthGroups = [("empty truth", summary.emptyTruth), ("non-empty truth", summary.nonEmptyTruth)].map { name, group in
            "\(name): \(group.score.map { FixedDecimal.text($0, digits: 4) } ?? "–") (\(group.count) images)"
        }
        document.append(SVG.text(truthGroups.joined(separator: "   ·   "), x: 72, y: 62, attributes: ["fill": "#666666"]))
        document.append(contentsOf: frame.axes(xTitle: "coverage class", yTitle: "mean score", verticalGrid: false,
                                               xTitleGap: 50))
        let barWidth = frame.width / Double(classes.count) * 0.7
        for (coverageClass, group) in classes.enumerated() {
            let center = frame.x(Double(coverageClass))
            if let score = group.score {
                document.append(SVG.rect(x: center - barWidth / 2, y: frame.y(score), width: barWidth,
                                         height: frame.y(0) - frame.y(score),
                                         attributes: ["fill": coverageClass == 0 ? PlotPalette.gray : PlotPalette.blue]))
                document.append(SVG.text(FixedDecimal.text(score, digits: 2), x: center, y: frame.y(score) - 4,
                                         anchor: "middle", attributes: ["font-size": "11"]))
            }
            document.append(SVG.text("n = \(group.count)", x: center, y: frame.top + frame.height + 30, anchor: "middle",
                                     attributes: ["fill": "#666666", "font-size": "10"]))
        }
        let overall = summary.score
        document.append(SVG.line(frame.left, frame.y(overall), frame.left + frame.width, frame.y(overall),
                                 attributes: ["stroke": PlotPalette.vermillion, "stroke-width": "1.5",
                                              "stroke-dasharray": "6 4"]))
        document.append(SVG.text("all images: \(FixedDecimal.text(overall, digits: 4))", x: frame.left + frame.width - 4,
                                 y: frame.y(overall) - 5, anchor: "end",
                                 attributes: ["fill": PlotPalette.vermillion, "font-size": "11"]))
        return document.text
    }
}
