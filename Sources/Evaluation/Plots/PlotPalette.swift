/// The colours of the plots (the Okabe–Ito palette, distinguishable with colour blindness).
enum PlotPalette {
    /// The main series.
    static let blue = "#0072B2"
    /// A lighter companion of the main series.
    static let skyBlue = "#56B4E9"
    /// A second series.
    static let vermillion = "#D55E00"
    /// A third series.
    static let green = "#009E73"
    /// Highlights: the best value.
    static let purple = "#CC79A7"
    /// Less important series and notes.
    static let gray = "#999999"
    /// The true outline on images.
    static let truthOutline = "#00E5FF"
    /// The predicted outline on images.
    static let predictionOutline = "#FF9100"
}
