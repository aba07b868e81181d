/// Groups of values side by side, every value a dot and each group's mean a bar, in one
/// or more panels that share the vertical axis: the scores of a sweep's variants, every
/// seed shown.
package enum StripPlot {
    /// One group: a label under its column and its values.
    package struct Group: Sendable {
        /// The label.
        package let label: String
        /// The values, one dot each.
        package let values: [Double]

        /// A group from its parts.
        package init(label: String, values: [Double]) {
            self.label = label
            self.values = values
        }
    }

    /// One panel: a title above it and its groups.
    package struct Panel: Sendable {
        /// The title.
        package let title: String
        /// The groups, left to right.
        package let groups: [Group]

        /// A panel from its parts.
        package init(title: String, groups: [Group]) {
            self.title = title
            self.groups = groups
        }
    }

    /// The SVG text of `panels` side by side, under `title` and `subtitle`, the vertical
    /// axis titled `yTitle` and fitted to every value (within [0, 1]).
    package static func svg(title: String, subtitle: String, yTitle: String, panels: [Panel]) -> String {
        let columns = max(panels.map(\.groups.count).max() ?? 1, 1)
        let panelWidth = Double(max(columns * 64, 220))
        let values = panels.flatMap { $0.groups.flatMap(\.values) }
        let scale = AxisScale(covering: values.min() ?? 0, values.max() ?? 1).clamped(to: 0...1)
        var document = SVGDocument(width: 90 + Double(panels.count) * (panelWidth + 30), height: 470)
        document.append(SVG.text(title, x: 72, y: 26, attributes: ["font-size": "16", "font-weight": "bold"]))
        document.append(SVG.text(subtitle, x: 72, y: 44, attributes: ["fill": "#666666"]))
        for (index, panel) in panels.enumerated() {
            let frame = PlotFrame(left: 72 + Double(index) * (panelWidth + 30), top: 70, width: panelWidth, height: 280,
                                  xScale: AxisScale(lower: 0, upper: Double(columns), step: 1), yScale: scale)
            document.append(contentsOf: frame.axes(xTitle: "", yTitle: index == 0 ? yTitle : "", verticalGrid: false,
                                                   xTickLabels: false))
            document.append(SVG.text(panel.title, x: frame.left + frame.width / 2, y: frame.top - 8, anchor: "middle",
                                     attributes: ["font-weight": "bold"]))
            for (column, group) in panel.groups.enumerated() {
                document.append(contentsOf: strip(group, at: Double(column) + 0.5, in: frame))
            }
        }
        return document.text
    }

    /// A group's dots (spread a little sideways so that equal values stay visible), its mean
    /// bar and its label, turned to fit.
    private static func strip(_ group: Group, at center: Double, in frame: PlotFrame) -> [String] {
        var elements: [String] = []
        let x = frame.x(center)
        for (index, value) in group.values.enumerated() {
            let offset = (Double(index) - Double(group.values.count - 1) / 2) * 5
            elements.append(SVG.circle(x + offset, frame.y(value), radius: 3.5,
                                       attributes: ["fill": PlotPalette.blue, "fill-opacity": "0.75"]))
        }
        if !group.values.isEmpty {
            let mean = group.values.reduce(0, +) / Double(group.values.count)
            elements.append(SVG.line(x - 16, frame.y(mean), x + 16, frame.y(mean),
                                     attributes: ["stroke": PlotPalette.vermillion, "stroke-width": "2.5"]))
        }
        let labelY = frame.top + frame.height + 12
        let turn = "rotate(-40 \(SVG.number(x)) \(SVG.number(labelY)))"
        elements.append(SVG.text(group.label, x: x, y: labelY, anchor: "end",
                                 attributes: ["font-size": "11", "transform": turn]))
        return elements
    }
}
