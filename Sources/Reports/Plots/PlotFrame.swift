/// The plotting area of a chart: where values land in pixels, and its axes, grid and labels.
package struct PlotFrame {
    /// The left edge of the area, in pixels.
    package let left: Double
    /// The top edge.
    package let top: Double
    /// The width.
    package let width: Double
    /// The height.
    package let height: Double
    /// The horizontal axis.
    package let xScale: AxisScale
    /// The vertical axis.
    package let yScale: AxisScale

    /// A frame from its parts.
    package init(left: Double, top: Double, width: Double, height: Double, xScale: AxisScale, yScale: AxisScale) {
        self.left = left
        self.top = top
        self.width = width
        self.height = height
        self.xScale = xScale
        self.yScale = yScale
    }

    /// The horizontal pixel of `value`.
    package func x(_ value: Double) -> Double {
        left + (value - xScale.lower) / (xScale.upper - xScale.lower) * width
    }

    /// The vertical pixel of `value`.
    package func y(_ value: Double) -> Double {
        top + height - (value - yScale.lower) / (yScale.upper - yScale.lower) * height
    }

    /// The grid lines, tick labels, frame and axis titles.
    /// - Parameters:
    ///   - verticalGrid: whether to draw a vertical grid line at each horizontal tick.
    ///   - xTickLabels: whether to label the horizontal ticks.
    ///   - xTitleGap: the distance from the bottom of the area to the horizontal title.
    package func axes(xTitle: String, yTitle: String, verticalGrid: Bool = true, xTickLabels: Bool = true,
              xTitleGap: Double = 36) -> [String] {
        let grid = ["stroke": "#e3e3e3", "stroke-width": "1"]
        let label = ["fill": "#555555", "font-size": "11"]
        var elements: [String] = []
        for tick in xScale.ticks {
            if verticalGrid { elements.append(SVG.line(x(tick), top, x(tick), top + height, attributes: grid)) }
            guard xTickLabels else { continue }
            elements.append(SVG.text(FixedDecimal.text(tick, digits: xScale.digits), x: x(tick), y: top + height + 16,
                                     anchor: "middle", attributes: label))
        }
        for tick in yScale.ticks {
            elements.append(SVG.line(left, y(tick), left + width, y(tick), attributes: grid))
            elements.append(SVG.text(FixedDecimal.text(tick, digits: yScale.digits), x: left - 8, y: y(tick) + 4,
                                     anchor: "end", attributes: label))
        }
        elements.append(SVG.rect(x: left, y: top, width: width, height: height,
                                 attributes: ["fill": "none", "stroke": "#888888", "stroke-width": "1"]))
        elements.append(SVG.text(xTitle, x: left + width / 2, y: top + height + xTitleGap, anchor: "middle"))
        let middle = top + height / 2
        elements.append(SVG.text(yTitle, x: left - 46, y: middle, anchor: "middle",
                                 attributes: ["transform": "rotate(-90 \(SVG.number(left - 46)) \(SVG.number(middle)))"]))
        return elements
    }
}
