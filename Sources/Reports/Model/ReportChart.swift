/// A chart of a report: drawn as SVG on web pages and printable HTML, left out of terminal
/// text, CSV and workbooks, whose tables carry the same figures. A chart never stands alone:
/// the section that holds it also holds the table of its values (a reader without images,
/// a screen reader, a spreadsheet).
public enum ReportChart: Sendable, Hashable {
    /// Bars, each against its limit or target; with series, before/after bars and a legend
    /// (``BarChart/beforeAfter(title:items:words:markerLabel:)``).
    case bars(BarChart)
    /// A strip: each school a dot on its indicator's row, against the threshold.
    case strip(StripChart)
    /// A trend: a line per indicator over the years, against the limit.
    case trend(LineChart)
    /// A map layer: points by category at their coordinates, over areas (zones).
    case map(ScatterMap)
    /// Enrollment zones: each zone the union of its blocks' Voronoi cells, over an optional basemap.
    case zones(ZoneMap)

    /// The chart as an SVG document.
    public var svg: String {
        switch self {
        case let .bars(chart): chart.svg()
        case let .strip(chart): chart.svg()
        case let .trend(chart): chart.svg()
        case let .map(chart): chart.svg()
        case let .zones(chart): chart.svg()
        }
    }
}
