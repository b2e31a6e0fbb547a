import Domain
import Interchange

/// Dots on a line: one row per series, one dot per value, with an optional reference tick per
/// row (a threshold). Highlighted dots are drawn in the failing colour; values outside the
/// axis are drawn at its edge so that none disappears. Dots in a row are offset up and down
/// by their position (not at random) to show overlapping values while staying deterministic.
///
/// Example: each school's indicator value as a share of the threshold, reference at 100 %.
public struct StripChart: Sendable, Hashable {
    /// One dot.
    public struct Point: Sendable, Hashable {
        /// Its position on the axis; non-finite values are left out.
        public var value: Double
        /// Whether to draw it in the failing colour.
        public var highlighted: Bool
        /// A tooltip, e.g. the school's name; `nil` for none (keeps large pages small).
        public var label: String?

        public init(value: Double, highlighted: Bool = false, label: String? = nil) {
            self.value = value
            self.highlighted = highlighted
            self.label = label
        }
    }

    /// One line of dots.
    public struct Row: Sendable, Hashable {
        /// The label left of the line.
        public var label: String
        /// The dots.
        public var points: [Point]
        /// Where the row's reference tick sits, if anywhere.
        public var reference: Double?

        public init(label: String, points: [Point], reference: Double? = nil) {
            self.label = label
            self.points = points
            self.reference = reference
        }
    }

    /// How tick values are written.
    public enum TickFormat: Sendable, Hashable {
        /// As numbers, e.g. 0.5.
        case number
        /// As percentages of 1, e.g. 50%.
        case percent
    }

    /// The accessible name, also drawn above the rows.
    public var title: String
    /// The rows, top to bottom.
    public var rows: [Row]
    /// The axis range; by default from 0 (or the lowest value) to cover every value and reference.
    public var domain: ClosedRange<Double>?
    /// How tick values are written.
    public var tickFormat: TickFormat
    /// What the reference tick means, shown in a legend when any row has one.
    public var referenceLabel: String?
    /// What highlighted dots mean, shown in a legend when any dot is highlighted.
    public var highlightLabel: String?
    /// The chart's width in pixels.
    public var width: Double

    public init(
        title: String, rows: [Row], domain: ClosedRange<Double>? = nil, tickFormat: TickFormat = .number,
        referenceLabel: String? = nil, highlightLabel: String? = nil, width: Double = 640
    ) {
        self.title = title
        self.rows = rows
        self.domain = domain
        self.tickFormat = tickFormat
        self.referenceLabel = referenceLabel
        self.highlightLabel = highlightLabel
        self.width = width
    }

    static let radius = 3.5

    /// The axis shared by every row.
    var scale: ChartScale {
        if let domain, domain.lowerBound.isFinite, domain.upperBound.isFinite, domain.upperBound > domain.lowerBound {
            return ChartScale(lower: domain.lowerBound, covering: domain.upperBound)
        }
        let numbers = rows.flatMap { $0.points.map(\.value) + [$0.reference].compactMap { $0 } }.filter(\.isFinite)
        return ChartScale(lower: Swift.min(numbers.min() ?? 0, 0), covering: numbers.max() ?? 1)
    }

    /// Where labels end and the axis starts.
    var plotLeft: Double {
        let longest = rows.map { TextMetrics.width($0.label, fontSize: ChartLayout.fontSize) }.max() ?? 0
        return Swift.min(longest, width * 0.45) + 12
    }

    /// Where the axis ends.
    var plotRight: Double { Swift.max(width - 16, plotLeft + 1) }

    /// The chart as an SVG document.
    public func svg() -> String {
        let scale = scale
        let left = plotLeft, span = plotRight - plotLeft
        let showReference = referenceLabel != nil && rows.contains { $0.reference?.isFinite == true }
        let showHighlight = highlightLabel != nil && rows.contains { $0.points.contains(where: \.highlighted) }
        let plotHeight = Double(rows.count) * ChartLayout.rowHeight
        let height = ChartLayout.titleHeight + plotHeight + ChartLayout.axisHeight + (showReference || showHighlight ? ChartLayout.legendHeight : 0)
        var out = ""
        out.reserveCapacity(600 + rows.reduce(0) { $0 + 400 + $1.points.count * 50 })
        let document = SVGDocument(width: width, height: height, title: title, description: nil, kind: "strip-chart")
        document.open(into: &out)
        SVGDocument.text(title, x: 4, y: 16, attributes: "font-weight=\"bold\" font-size=\"13\"", into: &out)

        let top = ChartLayout.titleHeight, bottom = top + plotHeight
        for tick in scale.ticks {
            let x = left + scale.fraction(tick) * span
            out.append("<line class=\"grid\" x1=\"\(Markup.number(x))\" y1=\"\(Markup.number(top))\" x2=\"\(Markup.number(x))\" y2=\"\(Markup.number(bottom))\" stroke=\"\(ChartPalette.grid)\"/>")
            SVGDocument.text(tickText(tick), x: x, y: bottom + 14,
                             attributes: "text-anchor=\"middle\" font-size=\"10\" fill=\"\(ChartPalette.ink)\"", into: &out)
        }
        for (index, row) in rows.enumerated() {
            let middle = top + (Double(index) + 0.5) * ChartLayout.rowHeight
            SVGDocument.text(TextMetrics.fitted(row.label, fontSize: ChartLayout.fontSize, maximum: left - 12), x: left - 6, y: middle + 4,
                             attributes: "text-anchor=\"end\" fill=\"\(ChartPalette.ink)\"", into: &out)
            out.append("<line x1=\"\(Markup.number(left))\" y1=\"\(Markup.number(middle))\" x2=\"\(Markup.number(left + span))\" y2=\"\(Markup.number(middle))\" stroke=\"#bbbbbb\"/>")
            if let reference = row.reference, reference.isFinite {
                let x = Markup.number(left + scale.fraction(reference) * span)
                out.append("<line class=\"reference\" x1=\"\(x)\" y1=\"\(Markup.number(middle - 9))\" x2=\"\(x)\" y2=\"\(Markup.number(middle + 9))\" stroke=\"\(ChartPalette.ink)\" stroke-width=\"2\"/>")
            }
            // Dots share their style through two groups (ordinary, highlighted): a province
            // report draws hundreds of thousands of them, so each dot is kept short.
            for highlighted in [false, true] where row.points.contains(where: { $0.highlighted == highlighted && $0.value.isFinite }) {
                let colour = highlighted ? ChartPalette.failing : ChartPalette.neutral
                out.append("<g class=\"dots\(highlighted ? " highlighted" : "")\" fill=\"\(colour)\" fill-opacity=\"0.7\">")
                for (position, point) in row.points.enumerated() where point.highlighted == highlighted && point.value.isFinite {
                    let x = left + scale.fraction(point.value) * span
                    let y = middle + Double(position % 3 - 1) * 3
                    out.append("<circle cx=\"\(Markup.number(x))\" cy=\"\(Markup.number(y))\" r=\"\(Markup.number(Self.radius))\"")
                    if let label = point.label {
                        out.append("><title>")
                        out.appendEscaped(label)
                        out.append("</title></circle>")
                    } else {
                        out.append("/>")
                    }
                }
                out.append("</g>")
            }
        }
        var x = left
        let y = bottom + ChartLayout.axisHeight + 4
        if showReference, let referenceLabel {
            out.append("<line x1=\"\(Markup.number(x))\" y1=\"\(Markup.number(y))\" x2=\"\(Markup.number(x))\" y2=\"\(Markup.number(y + 12))\" stroke=\"\(ChartPalette.ink)\" stroke-width=\"2\"/>")
            SVGDocument.text(referenceLabel, x: x + 6, y: y + 10, attributes: "fill=\"\(ChartPalette.ink)\"", into: &out)
            x += 24 + TextMetrics.width(referenceLabel, fontSize: ChartLayout.fontSize)
        }
        if showHighlight, let highlightLabel {
            out.append("<circle cx=\"\(Markup.number(x + 4))\" cy=\"\(Markup.number(y + 6))\" r=\"\(Markup.number(Self.radius))\" fill=\"\(ChartPalette.failing)\"/>")
            SVGDocument.text(highlightLabel, x: x + 12, y: y + 10, attributes: "fill=\"\(ChartPalette.ink)\"", into: &out)
        }
        document.close(into: &out)
        return out
    }

    func tickText(_ value: Double) -> String {
        switch tickFormat {
        case .number: Decimals.compact(value)
        case .percent: Decimals.compact(value * 100) + "%"
        }
    }
}
