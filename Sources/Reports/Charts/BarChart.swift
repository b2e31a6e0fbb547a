import Domain
import Interchange

/// Horizontal bars, one per labelled value, each with an optional reference marker (a limit
/// or a target drawn as a vertical line across its bar). Highlighted bars are drawn in the
/// failing colour. Output is deterministic SVG; missing or non-finite values draw no bar.
///
/// Example: each indicator's 差异系数 as a bar, its limit as the marker.
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

        public init(label: String, value: Double?, marker: Double? = nil, highlighted: Bool = false, valueLabel: String? = nil) {
            self.label = label
            self.value = value
            self.marker = marker
            self.highlighted = highlighted
            self.valueLabel = valueLabel
        }
    }

    /// The accessible name, also drawn above the bars.
    public var title: String
    /// The bars, top to bottom.
    public var bars: [Bar]
    /// What the marker means, shown in a legend when any bar has one (e.g. 限值).
    public var markerLabel: String?
    /// The smallest axis end; the axis grows to cover every value and marker.
    public var minimumScale: Double
    /// The chart's width in pixels.
    public var width: Double

    public init(title: String, bars: [Bar], markerLabel: String? = nil, minimumScale: Double = 0, width: Double = 640) {
        self.title = title
        self.bars = bars
        self.markerLabel = markerLabel
        self.minimumScale = minimumScale
        self.width = width
    }

    static let fontSize = 12.0
    static let titleHeight = 26.0
    static let rowHeight = 22.0
    static let barThickness = 14.0
    static let axisHeight = 20.0
    static let legendHeight = 20.0
    static let valueRoom = 64.0

    /// The axis shared by every bar.
    var scale: ChartScale {
        let numbers = bars.flatMap { [$0.value, $0.marker] }.compactMap { $0 }.filter(\.isFinite)
        return ChartScale(covering: numbers.reduce(minimumScale.isFinite ? minimumScale : 0, Swift.max))
    }

    /// Where labels end and bars start.
    var plotLeft: Double {
        let longest = bars.map { TextMetrics.width($0.label, fontSize: Self.fontSize) }.max() ?? 0
        return Swift.min(longest, width * 0.45) + 12
    }

    /// Where the axis ends.
    var plotRight: Double { Swift.max(width - Self.valueRoom, plotLeft + 1) }

    /// The chart as an SVG document.
    public func svg() -> String {
        let scale = scale
        let left = plotLeft, right = plotRight, span = right - left
        let showLegend = markerLabel != nil && bars.contains { $0.marker?.isFinite == true }
        let plotHeight = Double(bars.count) * Self.rowHeight
        let height = Self.titleHeight + plotHeight + Self.axisHeight + (showLegend ? Self.legendHeight : 0)
        var out = ""
        out.reserveCapacity(600 + bars.count * 420)
        let document = SVGDocument(width: width, height: height, title: title, description: nil, kind: "bar-chart")
        document.open(into: &out)
        SVGDocument.text(title, x: 4, y: 16, attributes: "font-weight=\"bold\" font-size=\"13\"", into: &out)

        let top = Self.titleHeight, bottom = top + plotHeight
        for tick in scale.ticks {
            let x = Markup.number(left + scale.fraction(tick) * span)
            out.append("<line class=\"grid\" x1=\"\(x)\" y1=\"\(Markup.number(top))\" x2=\"\(x)\" y2=\"\(Markup.number(bottom))\" stroke=\"\(ChartPalette.grid)\"/>")
            SVGDocument.text(Decimals.compact(tick), x: left + scale.fraction(tick) * span, y: bottom + 14,
                             attributes: "text-anchor=\"middle\" font-size=\"10\" fill=\"\(ChartPalette.ink)\"", into: &out)
        }
        let labelRoom = left - 12
        for (row, bar) in bars.enumerated() {
            let y = top + Double(row) * Self.rowHeight + (Self.rowHeight - Self.barThickness) / 2
            let middle = y + Self.barThickness / 2 + 4
            SVGDocument.text(TextMetrics.fitted(bar.label, fontSize: Self.fontSize, maximum: labelRoom), x: left - 6, y: middle,
                             attributes: "text-anchor=\"end\" fill=\"\(ChartPalette.ink)\"", into: &out)
            var end = left
            if let value = bar.value, value.isFinite {
                let length = scale.fraction(value) * span
                end = left + length
                let colour = bar.highlighted ? ChartPalette.failing : ChartPalette.neutral
                out.append("<rect class=\"bar\(bar.highlighted ? " highlighted" : "")\" x=\"\(Markup.number(left))\" y=\"\(Markup.number(y))\" width=\"\(Markup.number(length))\" height=\"\(Markup.number(Self.barThickness))\" fill=\"\(colour)\"/>")
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
        if showLegend, let markerLabel {
            let y = bottom + Self.axisHeight + 4
            out.append("<line x1=\"\(Markup.number(left))\" y1=\"\(Markup.number(y))\" x2=\"\(Markup.number(left))\" y2=\"\(Markup.number(y + 12))\" stroke=\"\(ChartPalette.ink)\" stroke-width=\"2\"/>")
            SVGDocument.text(markerLabel, x: left + 6, y: y + 10, attributes: "fill=\"\(ChartPalette.ink)\"", into: &out)
        }
        document.close(into: &out)
        return out
    }
}
