import PlasticUNet
import Reports

extension SweepReport {
    /// The name of the plot file in `--plots DIR`.
    package static let plotFileName = "sweep-scores.svg"

    /// An SVG of each variant's validation scores at threshold 0.5 (a seed's folds pooled in
    /// a sweep with folds), a panel per trace mode, every seed a dot and the mean a bar.
    package var plot: String {
        let panels = TraceMode.allCases.map { mode in
            StripPlot.Panel(title: "trace \(mode.rawValue)", groups: rows.filter { $0.mode == mode }.map { row in
                StripPlot.Group(label: row.variant, values: row.scores.keys.sorted().map { row.scores[$0]!.score })
            })
        }
        return StripPlot.svg(title: "Validation score by variant",
                             subtitle: "TGS score at threshold 0.5 of each seed's final model (its folds pooled, "
                                 + "with folds); a dot per seed, the bar at the mean", yTitle: "score", panels: panels)
    }
}
