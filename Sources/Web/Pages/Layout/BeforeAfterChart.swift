import Domain
import Interchange
import Reports

/// The bar chart of figures before and after a plan (the investment plan's, the rotation's):
/// per item two bars, named once, "before" light and "after" dark as the legend says, each
/// against its limit; a failing bar keeps its colour with a red outline and a ✗ on its value.
/// Wide enough that the longest indicator name (59 Latin letters) is not cut.
enum BeforeAfterChart {
    /// One figure: the 差异系数, its limit and whether it meets it (`nil`: not judged).
    struct Figure {
        var cv: Double?
        var limit: Double?
        var pass: Bool?
    }

    /// One item (an indicator, a resource) and its two figures.
    struct Item {
        var name: String
        var before: Figure
        var after: Figure
    }

    /// The chart's width: labels take up to 45 % of it (see `BarChart.plotLeft`).
    static let width = 960.0

    /// The chart of `items` as SVG; `words` names the two series (规划前/规划后, 交流前/交流后).
    static func svg(title: String, items: [Item], words: (before: String, after: String), language l: Language) -> String {
        BarChart(
            title: title,
            bars: items.flatMap { item in
                [bar(item.name, item.before, series: 0), bar("", item.after, series: 1)]
            },
            markerLabel: l.pick("限值", "limit"),
            series: [.init(label: words.before, colour: ChartPalette.before), .init(label: words.after, colour: ChartPalette.after)],
            width: width
        ).svg()
    }

    private static func bar(_ label: String, _ figure: Figure, series: Int) -> BarChart.Bar {
        BarChart.Bar(label: label, value: figure.cv, marker: figure.limit, highlighted: figure.pass == false,
                     valueLabel: figure.cv.map { Decimals.three($0) + (figure.pass == false ? " ✗" : "") }, series: series)
    }
}
