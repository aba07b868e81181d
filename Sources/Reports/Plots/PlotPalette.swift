/// The colours of the plots (the Okabe–Ito palette, distinguishable with colour blindness).
package enum PlotPalette {
    /// The main series.
    package static let blue = "#0072B2"
    /// A lighter companion of the main series.
    package static let skyBlue = "#56B4E9"
    /// A second series.
    package static let vermillion = "#D55E00"
    /// A third series.
    package static let green = "#009E73"
    /// Highlights: the best value.
    package static let purple = "#CC79A7"
    /// Less important series and notes.
    package static let gray = "#999999"
    /// The true outline on images.
    package static let truthOutline = "#00E5FF"
    /// The predicted outline on images.
    package static let predictionOutline = "#FF9100"
}
