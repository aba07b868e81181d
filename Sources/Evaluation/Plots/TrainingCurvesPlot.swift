import ModelFile
import Reports
import Training

/// The training history of a model: the loss of every step (raw and smoothed) with the
/// per-epoch training and validation losses, and the validation score of each epoch.
enum TrainingCurvesPlot {
    /// The most points a curve is drawn with; longer series are averaged in equal bins.
    static let maximumPoints = 1000

    /// The SVG text of `history`, or nil when it has no step.
    /// - Parameter stepsPerEpoch: the training images per epoch, which place the steps on
    ///   the epoch axis.
    static func svg(_ history: HistoryRecord, stepsPerEpoch: Int) -> String? {
        guard !history.trainLoss.isEmpty, stepsPerEpoch > 0 else { return nil }
        var document = SVGDocument(width: 680, height: 640)
        document.append(SVG.text("Training history", x: 72, y: 26, attributes: ["font-size": "16", "font-weight": "bold"]))
        let losses = history.trainLoss.map(Double.init)
        let epochs = history.epochs
        let lastEpoch = max(Double(losses.count) / Double(stepsPerEpoch), Double(epochs.count))
        let xScale = AxisScale(covering: 0, lastEpoch, tickCount: min(10, max(1, Int(lastEpoch.rounded(.up)))))
        let epochLosses = epochs.flatMap { [$0.trainLoss, $0.validationLoss] }.filter(\.isFinite)
        let lossValues = losses + epochLosses
        let lowest = lossValues.min() ?? 0, highest = lossValues.max() ?? 1, margin = 0.04 * (highest - lowest)
        let lossFrame = PlotFrame(left: 72, top: 80, width: 580, height: 280, xScale: xScale,
                                  yScale: AxisScale(covering: lowest - margin, highest + margin).clamped(to: 0...Double.infinity))
        document.append(contentsOf: legend([("training loss per step", PlotPalette.gray, false),
                                            ("smoothed", PlotPalette.skyBlue, false),
                                            ("epoch training loss", PlotPalette.blue, true),
                                            ("validation loss", PlotPalette.vermillion, true)], y: 50))
        document.append(contentsOf: lossFrame.axes(xTitle: "epoch", yTitle: "binary cross-entropy"))
        let stepX = { (step: Int) in Double(step + 1) / Double(stepsPerEpoch) }
        document.append(SVG.polyline(binned(losses).map { (x: lossFrame.x(stepX($0.index)), y: lossFrame.y($0.value)) },
                                     attributes: ["stroke": PlotPalette.gray, "stroke-width": "1", "opacity": "0.6"]))
        document.append(SVG.polyline(binned(smoothed(losses)).map { (x: lossFrame.x(stepX($0.index)),
                                                                     y: lossFrame.y($0.value)) },
                                     attributes: ["stroke": PlotPalette.skyBlue, "stroke-width": "2"]))
        document.append(contentsOf: series(epochs.map(\.trainLoss), frame: lossFrame, colour: PlotPalette.blue))
        document.append(contentsOf: series(epochs.map(\.validationLoss), frame: lossFrame, colour: PlotPalette.vermillion))
        let scores = epochs.map(\.validationScore).filter(\.isFinite)
        let scoreFrame = PlotFrame(left: 72, top: 430, width: 580, height: 150, xScale: xScale,
                                   yScale: AxisScale(covering: scores.min() ?? 0, scores.max() ?? 1, tickCount: 4)
                                       .clamped(to: 0...1))
        document.append(SVG.text("Validation score (threshold 0.5) at the end of each epoch", x: 72, y: 414,
                                 attributes: ["font-weight": "bold"]))
        document.append(contentsOf: scoreFrame.axes(xTitle: "epoch", yTitle: "score"))
        document.append(contentsOf: series(epochs.map(\.validationScore), frame: scoreFrame, colour: PlotPalette.green))
        if scores.isEmpty {
            document.append(SVG.text("no validation images", x: scoreFrame.left + scoreFrame.width / 2,
                                     y: scoreFrame.top + scoreFrame.height / 2, anchor: "middle",
                                     attributes: ["fill": "#666666"]))
        }
        return document.text
    }

    /// Per-epoch values as a line with markers at epochs 1, 2, ...; values that are not
    /// finite (no validation images) are left out.
    private static func series(_ values: [Double], frame: PlotFrame, colour: String) -> [String] {
        let points = values.enumerated().filter { $0.element.isFinite }
            .map { (x: frame.x(Double($0.offset + 1)), y: frame.y($0.element)) }
        guard !points.isEmpty else { return [] }
        return [SVG.polyline(points, attributes: ["stroke": colour, "stroke-width": "1.5"])]
            + points.map { SVG.circle($0.x, $0.y, radius: 4, attributes: ["fill": colour, "stroke": "#ffffff"]) }
    }

    /// The trailing mean of each step over the last `max(1, count / 20)` steps.
    private static func smoothed(_ values: [Double]) -> [Double] {
        let window = max(1, values.count / 20)
        var sum = 0.0
        return values.indices.map { index in
            sum += values[index]
            if index >= window { sum -= values[index - window] }
            return sum / Double(min(index + 1, window))
        }
    }

    /// At most ``maximumPoints`` points: the means of equal runs of steps, each at its last step.
    private static func binned(_ values: [Double]) -> [(index: Int, value: Double)] {
        let bin = (values.count + maximumPoints - 1) / maximumPoints
        return stride(from: 0, to: values.count, by: bin).map { start in
            let run = values[start..<min(start + bin, values.count)]
            return (index: start + run.count - 1, value: run.reduce(0, +) / Double(run.count))
        }
    }

    /// A legend row: a sample of each series' line (or marker) and its name.
    private static func legend(_ entries: [(name: String, colour: String, marker: Bool)], y: Double) -> [String] {
        var x = 72.0
        var elements: [String] = []
        for entry in entries {
            elements.append(SVG.line(x, y - 4, x + 22, y - 4, attributes: ["stroke": entry.colour, "stroke-width": "2"]))
            if entry.marker { elements.append(SVG.circle(x + 11, y - 4, radius: 4, attributes: ["fill": entry.colour])) }
            elements.append(SVG.text(entry.name, x: x + 28, y: y, attributes: ["font-size": "11"]))
            x += 44 + 6.4 * Double(entry.name.count)
        }
        return elements
    }
}
