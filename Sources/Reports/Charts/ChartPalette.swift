/// The colours of Junheng's charts, shared so that the report and the web app mean the same
/// thing by the same colour. Red always means "fails a rule".
public enum ChartPalette {
    /// Ordinary bars and dots.
    public static let neutral = "#4f7cac"
    /// Values that fail a rule.
    public static let failing = "#c62828"
    /// Values that meet a rule.
    public static let passing = "#2e7d32"
    /// Values that cannot be judged.
    public static let unknown = "#9e9e9e"
    /// The "before" bars of a before-and-after chart: light, so "after" (``after``) stands out.
    public static let before = "#a9c6e3"
    /// The "after" bars of a before-and-after chart.
    public static let after = "#2b5d8f"
    /// Limits, thresholds and axis text.
    public static let ink = "#222222"
    /// Gridlines.
    public static let grid = "#dddddd"
    /// Lines of a trend, one colour each in this order: distinct for colour-blind readers
    /// (Okabe–Ito) and never red, which means "fails".
    public static let series = ["#0072b2", "#e69f00", "#009e73", "#56b4e9", "#cc79a7", "#8c6d31", "#000000", "#7f7f7f"]
}
