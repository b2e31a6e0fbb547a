import Domain

/// A trend: each series a line of values over a row of periods — a county's 差异系数 of each
/// indicator year by year — against a limit drawn as a dashed line. A value that fails its
/// rule is a red-ringed dot; a missing value breaks the line, so no line is drawn through a
/// year without data.
///
/// ```swift
/// LineChart(title: "小学 · 差异系数", periods: ["2023", "2024", "2025"], series: [
///     .init(label: "生均体育运动场馆面积", values: [0.62, 0.55, 0.48], failing: [true, true, false]),
/// ], limit: 0.5, limitLabel: "限值")
/// ```
///
/// Layout: periods are spread evenly across the plot (one period sits in its middle); the
/// value axis starts at 0 and covers the largest value and the limit with round ticks
/// (``ChartScale``). Series take the categorical colours of ``ChartPalette/series`` in order;
/// the legend under the plot names each series and the limit, wrapping where the chart ends.
public struct LineChart: Sendable, Hashable {
    /// One line: a value per period (`nil` where there is none) and which values fail.
    public struct Series: Sendable, Hashable {
        public var label: String
        /// One per period, in the order of ``LineChart/periods``; extra values are ignored.
        public var values: [Double?]
        /// Whether the value of a period fails its rule; missing entries do not fail.
        public var failing: [Bool]

        public init(label: String, values: [Double?], failing: [Bool] = []) {
            self.label = label
            self.values = values
            self.failing = failing
        }
    }

    public var title: String
    /// The labels of the periods, left to right (years).
    public var periods: [String]
    public var series: [Series]
    /// The most a value may be (差异系数限值), drawn across the plot; `nil` draws none.
    public var limit: Double?
    /// What the limit line is called in the legend.
    public var limitLabel: String?
    /// The chart's width in pixels.
    public var width: Double

    public init(title: String, periods: [String], series: [Series], limit: Double? = nil, limitLabel: String? = nil, width: Double = 640) {
        self.title = title
        self.periods = periods
        self.series = series
        self.limit = limit
        self.limitLabel = limitLabel
        self.width = width
    }

    static let plotHeight = 180.0
    static let plotLeft = 44.0
    static let plotRightMargin = 16.0
    static let radius = 3.5

    /// The value axis: from 0 over every finite value and the limit.
    var scale: ChartScale {
        let values = series.flatMap { $0.values.compactMap { $0 } } + [limit].compactMap { $0 }
        return ChartScale(covering: values.filter(\.isFinite).max() ?? 1)
    }

    /// The x of period `index`: spread evenly, one period in the middle.
    func x(_ index: Int) -> Double {
        let left = Self.plotLeft, right = width - Self.plotRightMargin
        guard periods.count > 1 else { return (left + right) / 2 }
        let inset = 16.0
        return left + inset + Double(index) / Double(periods.count - 1) * (right - left - 2 * inset)
    }

    /// The y of `value` on the plot.
    func y(_ value: Double, scale: ChartScale) -> Double {
        ChartLayout.titleHeight + (1 - scale.fraction(value)) * Self.plotHeight
    }

    /// The chart as an SVG document.
    public func svg() -> String {
        let scale = scale
        let top = ChartLayout.titleHeight, bottom = top + Self.plotHeight
        let left = Self.plotLeft, right = width - Self.plotRightMargin
        let legend = legendItems()
        let height = bottom + ChartLayout.axisHeight + Double(legend.last.map { $0.line + 1 } ?? 0) * ChartLayout.legendHeight
        var out = ""
        out.reserveCapacity(800 + series.count * periods.count * 160)
        let document = SVGDocument(width: width, height: height, title: title, description: nil, kind: "line-chart")
        document.open(into: &out)
        SVGDocument.text(title, x: 4, y: 16, attributes: "font-weight=\"bold\" font-size=\"13\"", into: &out)
        for tick in scale.ticks {
            let y = Markup.number(self.y(tick, scale: scale))
            out.append("<line class=\"grid\" x1=\"\(Markup.number(left))\" y1=\"\(y)\" x2=\"\(Markup.number(right))\" y2=\"\(y)\" stroke=\"\(ChartPalette.grid)\"/>")
            SVGDocument.text(Decimals.compact(tick), x: left - 6, y: self.y(tick, scale: scale) + 4,
                             attributes: "text-anchor=\"end\" font-size=\"10\" fill=\"\(ChartPalette.ink)\"", into: &out)
        }
        for (index, period) in periods.enumerated() {
            SVGDocument.text(period, x: x(index), y: bottom + 14,
                             attributes: "text-anchor=\"middle\" font-size=\"10\" fill=\"\(ChartPalette.ink)\"", into: &out)
        }
        if let limit, limit.isFinite {
            let y = Markup.number(self.y(limit, scale: scale))
            out.append("<line class=\"limit\" x1=\"\(Markup.number(left))\" y1=\"\(y)\" x2=\"\(Markup.number(right))\" y2=\"\(y)\" stroke=\"\(ChartPalette.ink)\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>")
        }
        for (number, line) in series.enumerated() {
            let colour = ChartPalette.series[number % ChartPalette.series.count]
            for run in runs(of: line) where run.count > 1 {
                let points = run.map { "\(Markup.number(x($0.index))),\(Markup.number(y($0.value, scale: scale)))" }.joined(separator: " ")
                out.append("<polyline class=\"series\" points=\"\(points)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"/>")
            }
            for point in runs(of: line).joined() {
                let fails = line.failing.indices.contains(point.index) && line.failing[point.index]
                let ring = fails ? " stroke=\"\(ChartPalette.failing)\" stroke-width=\"2\"" : ""
                out.append("<circle class=\"point\(fails ? " failing" : "")\" cx=\"\(Markup.number(x(point.index)))\" cy=\"\(Markup.number(y(point.value, scale: scale)))\" r=\"\(Markup.number(Self.radius))\" fill=\"\(colour)\"\(ring)>")
                out.append("<title>")
                out.appendEscaped("\(line.label) \(periods[point.index]): \(Decimals.three(point.value))")
                out.append("</title></circle>")
            }
        }
        for item in legend {
            let x = left + item.x, y = bottom + ChartLayout.axisHeight + 4 + Double(item.line) * ChartLayout.legendHeight
            if let colour = item.colour {
                out.append("<line x1=\"\(Markup.number(x))\" y1=\"\(Markup.number(y + 6))\" x2=\"\(Markup.number(x + 12))\" y2=\"\(Markup.number(y + 6))\" stroke=\"\(colour)\" stroke-width=\"3\"/>")
            } else {
                out.append("<line x1=\"\(Markup.number(x))\" y1=\"\(Markup.number(y + 6))\" x2=\"\(Markup.number(x + 12))\" y2=\"\(Markup.number(y + 6))\" stroke=\"\(ChartPalette.ink)\" stroke-width=\"1.5\" stroke-dasharray=\"3 2\"/>")
            }
            SVGDocument.text(item.label, x: x + 16, y: y + 10, attributes: "fill=\"\(ChartPalette.ink)\"", into: &out)
        }
        document.close(into: &out)
        return out
    }

    /// The finite values of `line` within the periods, in runs without a gap.
    func runs(of line: Series) -> [[(index: Int, value: Double)]] {
        var runs: [[(index: Int, value: Double)]] = [[]]
        for index in periods.indices {
            if index < line.values.count, let value = line.values[index], value.isFinite {
                runs[runs.count - 1].append((index, value))
            } else if !runs[runs.count - 1].isEmpty {
                runs.append([])
            }
        }
        return runs.filter { !$0.isEmpty }
    }

    /// One legend entry: a series' colour (or `nil` for the limit), placed `x` from the plot's
    /// left on legend line `line`.
    private struct LegendItem {
        var label: String
        var colour: String?
        var x: Double
        var line: Int
    }

    /// Each series, then the limit when drawn, left to right, wrapping where the chart ends.
    private func legendItems() -> [LegendItem] {
        var entries: [(String, String?)] = series.enumerated().map { ($1.label, ChartPalette.series[$0 % ChartPalette.series.count]) }
        if let limitLabel, limit?.isFinite == true { entries.append((limitLabel, nil)) }
        let places = ChartLayout.legend(
            entries.map { 32 + TextMetrics.width($0.0, fontSize: ChartLayout.fontSize) }, room: width - Self.plotLeft)
        return zip(entries, places).map { LegendItem(label: $0.0, colour: $0.1, x: $1.x, line: $1.line) }
    }
}
