import Domain
import Interchange

/// Horizontal bars, one per labelled value, each with an optional reference marker (a limit
/// or a target drawn as a vertical line across its bar). Highlighted bars are drawn in the
/// failing colour. Output is deterministic SVG; missing or non-finite values draw no bar.
///
/// Bars may belong to a series (e.g. before and after a plan): a series' bars take its
/// colour, the legend names it, and a highlighted one keeps the colour with a failing-colour
/// outline. A bar with an empty label continues the label above it (a group of bars).
///
/// Example: each indicator's 差异系数 as a bar, its limit as the marker.
///
/// ```swift
/// let svg = BarChart(title: "差异系数", bars: [
///     .init(label: "生均教学用房面积", value: 0.52, marker: 0.5, highlighted: true, series: 0),
///     .init(label: "", value: 0.41, marker: 0.5, series: 1),
/// ], markerLabel: "限值", series: [.init(label: "规划前", colour: ChartPalette.before),
///                                  .init(label: "规划后", colour: ChartPalette.after)]).svg()
/// ```
public struct BarChart: Sendable, Hashable {
    /// One bar.
    public struct Bar: Sendable, Hashable {
        /// The label left of the bar.
        public var label: String
        /// The bar's length; `nil` (or NaN) draws no bar.
        public var value: Double?
        /// Where the reference marker sits on this bar's row, if anywhere.
        public var marker: Double?
        /// Whether to draw the bar in the failing colour.
        public var highlighted: Bool
        /// The text right of the bar; the value with 3 decimals (or "—") when `nil`.
        public var valueLabel: String?
        /// The index of the bar's series in ``BarChart/series``, if it belongs to one.
        public var series: Int?

        public init(label: String, value: Double?, marker: Double? = nil, highlighted: Bool = false, valueLabel: String? = nil,
                    series: Int? = nil) {
            self.label = label
            self.value = value
            self.marker = marker
            self.highlighted = highlighted
            self.valueLabel = valueLabel
            self.series = series
        }
    }

    /// A kind of bar the legend names, with its colour (e.g. 规划前 and 规划后).
    public struct Series: Sendable, Hashable {
        /// The name in the legend.
        public var label: String
        /// The bars' fill colour (CSS).
        public var colour: String

        public init(label: String, colour: String) {
            self.label = label
            self.colour = colour
        }
    }

    /// The accessible name, also drawn above the bars.
    public var title: String
    /// The bars, top to bottom.
    public var bars: [Bar]
    /// What the marker means, shown in a legend when any bar has one (e.g. 限值).
    public var markerLabel: String?
    /// The series the bars may belong to, in legend order.
    public var series: [Series]
    /// The smallest axis end; the axis grows to cover every value and marker.
    public var minimumScale: Double
    /// The chart's width in pixels.
    public var width: Double

    public init(title: String, bars: [Bar], markerLabel: String? = nil, series: [Series] = [], minimumScale: Double = 0,
                width: Double = 640) {
        self.title = title
        self.bars = bars
        self.markerLabel = markerLabel
        self.series = series
        self.minimumScale = minimumScale
        self.width = width
    }

    static let barThickness = 14.0
    static let valueRoom = 64.0

    /// The axis shared by every bar.
    var scale: ChartScale {
        let numbers = bars.flatMap { [$0.value, $0.marker] }.compactMap { $0 }.filter(\.isFinite)
        return ChartScale(covering: numbers.reduce(minimumScale.isFinite ? minimumScale : 0, Swift.max))
    }

    /// Where labels end and bars start.
    var plotLeft: Double {
        let longest = bars.map { TextMetrics.width($0.label, fontSize: ChartLayout.fontSize) }.max() ?? 0
        return Swift.min(longest, width * 0.45) + 12
    }

    /// Where the axis ends.
    var plotRight: Double { Swift.max(width - Self.valueRoom, plotLeft + 1) }

    /// The chart as an SVG document.
    public func svg() -> String {
        let scale = scale
        let left = plotLeft, right = plotRight, span = right - left
        let showMarker = markerLabel != nil && bars.contains { $0.marker?.isFinite == true }
        let legend = legendItems(showMarker: showMarker)
        let plotHeight = Double(bars.count) * ChartLayout.rowHeight
        let height = ChartLayout.titleHeight + plotHeight + ChartLayout.axisHeight + Double(legend.last.map { $0.line + 1 } ?? 0) * ChartLayout.legendHeight
        var out = ""
        out.reserveCapacity(600 + bars.count * 420)
        let document = SVGDocument(width: width, height: height, title: title, description: nil, kind: "bar-chart")
        document.open(into: &out)
        SVGDocument.text(title, x: 4, y: 16, attributes: "font-weight=\"bold\" font-size=\"13\"", into: &out)

        let top = ChartLayout.titleHeight, bottom = top + plotHeight
        for tick in scale.ticks {
            let x = Markup.number(left + scale.fraction(tick) * span)
            out.append("<line class=\"grid\" x1=\"\(x)\" y1=\"\(Markup.number(top))\" x2=\"\(x)\" y2=\"\(Markup.number(bottom))\" stroke=\"\(ChartPalette.grid)\"/>")
            SVGDocument.text(Decimals.compact(tick), x: left + scale.fraction(tick) * span, y: bottom + 14,
                             attributes: "text-anchor=\"middle\" font-size=\"10\" fill=\"\(ChartPalette.ink)\"", into: &out)
        }
        let labelRoom = left - 12
        for (row, bar) in bars.enumerated() {
            let y = top + Double(row) * ChartLayout.rowHeight + (ChartLayout.rowHeight - Self.barThickness) / 2
            let middle = y + Self.barThickness / 2 + 4
            if !bar.label.isEmpty {
                SVGDocument.text(TextMetrics.fitted(bar.label, fontSize: ChartLayout.fontSize, maximum: labelRoom), x: left - 6, y: middle,
                                 attributes: "text-anchor=\"end\" fill=\"\(ChartPalette.ink)\"", into: &out)
            }
            var end = left
            if let value = bar.value, value.isFinite {
                let length = scale.fraction(value) * span
                end = left + length
                out.append("<rect class=\"bar\(bar.highlighted ? " highlighted" : "")\" x=\"\(Markup.number(left))\" y=\"\(Markup.number(y))\" width=\"\(Markup.number(length))\" height=\"\(Markup.number(Self.barThickness))\" \(paint(bar))/>")
            }
            if let marker = bar.marker, marker.isFinite {
                let x = Markup.number(left + scale.fraction(marker) * span)
                end = Swift.max(end, left + scale.fraction(marker) * span)
                out.append("<line class=\"marker\" x1=\"\(x)\" y1=\"\(Markup.number(y - 3))\" x2=\"\(x)\" y2=\"\(Markup.number(y + Self.barThickness + 3))\" stroke=\"\(ChartPalette.ink)\" stroke-width=\"2\"/>")
            }
            let valueText = bar.valueLabel ?? bar.value.flatMap { $0.isFinite ? Decimals.three($0) : nil } ?? "—"
            SVGDocument.text(valueText, x: end + 5, y: middle,
                             attributes: "fill=\"\(bar.highlighted ? ChartPalette.failing : ChartPalette.ink)\"", into: &out)
        }
        for item in legend {
            let x = left + item.x, y = bottom + ChartLayout.axisHeight + 4 + Double(item.line) * ChartLayout.legendHeight
            if let colour = item.colour {
                out.append("<rect class=\"swatch\" x=\"\(Markup.number(x))\" y=\"\(Markup.number(y))\" width=\"12\" height=\"12\" fill=\"\(colour)\"/>")
            } else {
                out.append("<line x1=\"\(Markup.number(x))\" y1=\"\(Markup.number(y))\" x2=\"\(Markup.number(x))\" y2=\"\(Markup.number(y + 12))\" stroke=\"\(ChartPalette.ink)\" stroke-width=\"2\"/>")
            }
            SVGDocument.text(item.label, x: x + item.textOffset, y: y + 10, attributes: "fill=\"\(ChartPalette.ink)\"", into: &out)
        }
        document.close(into: &out)
        return out
    }

    /// The fill (and, for a highlighted bar of a series, the failing outline) of `bar`.
    private func paint(_ bar: Bar) -> String {
        guard let index = bar.series, series.indices.contains(index) else {
            return "fill=\"\(bar.highlighted ? ChartPalette.failing : ChartPalette.neutral)\""
        }
        let fill = "fill=\"\(series[index].colour)\""
        return bar.highlighted ? fill + " stroke=\"\(ChartPalette.failing)\" stroke-width=\"2\"" : fill
    }

    /// One entry of the legend: a series' swatch (`colour`) or the marker (`nil`), placed
    /// `x` from the plot's left on legend line `line`.
    private struct LegendItem {
        var label: String
        var colour: String?
        var x: Double
        var line: Int
        /// Where the label starts: after a 12-pixel swatch, or close to the marker's line.
        var textOffset: Double { colour == nil ? 6 : 16 }
    }

    /// The legend: each series, then the marker when shown, left to right from the plot's
    /// left, wrapping to a new line where the chart ends.
    private func legendItems(showMarker: Bool) -> [LegendItem] {
        var entries = series.map { ($0.label, Optional($0.colour)) }
        if showMarker, let markerLabel { entries.append((markerLabel, nil)) }
        let items = entries.map { LegendItem(label: $0.0, colour: $0.1, x: 0, line: 0) }
        let places = ChartLayout.legend(
            items.map { $0.textOffset + TextMetrics.width($0.label, fontSize: ChartLayout.fontSize) + 16 }, room: width - plotLeft)
        return zip(items, places).map { item, place in
            LegendItem(label: item.label, colour: item.colour, x: place.x, line: place.line)
        }
    }
}
