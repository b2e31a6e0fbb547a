import Domain

extension BarChart {
    /// One figure of a before/after chart: the 差异系数, its limit, and whether it meets it
    /// (`nil`: not judged).
    public struct Figure: Sendable, Hashable {
        public var cv: Double?
        public var limit: Double?
        public var pass: Bool?

        public init(cv: Double?, limit: Double?, pass: Bool?) {
            self.cv = cv
            self.limit = limit
            self.pass = pass
        }
    }

    /// The width of a before/after chart: labels take up to 45 % of it (``plotLeft``), so the
    /// longest indicator name (59 Latin letters) is not cut.
    static let beforeAfterWidth = 960.0

    /// Figures before and after a plan (the investment plan's, the rotation's): per item two
    /// bars, named once, `words.before` light and `words.after` dark as the legend says, each
    /// against its limit; a failing bar keeps its colour with a red outline and a ✗ on its value.
    public static func beforeAfter(
        title: String, items: [(name: String, before: Figure, after: Figure)],
        words: (before: String, after: String), language l: Language
    ) -> BarChart {
        func bar(_ label: String, _ figure: Figure, series: Int) -> Bar {
            Bar(label: label, value: figure.cv, marker: figure.limit, highlighted: figure.pass == false,
                valueLabel: figure.cv.map { Decimals.three($0) + (figure.pass == false ? " ✗" : "") }, series: series)
        }
        return BarChart(
            title: title,
            bars: items.flatMap { [bar($0.name, $0.before, series: 0), bar("", $0.after, series: 1)] },
            markerLabel: Term.limit.name(in: l),
            series: [.init(label: words.before, colour: ChartPalette.before), .init(label: words.after, colour: ChartPalette.after)],
            width: beforeAfterWidth)
    }
}
