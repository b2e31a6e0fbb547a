/// The sizes the charts share (the map takes the title band), in pixels, so that charts
/// one above the other on a page or in a report line up: the same type size, title band,
/// row pitch, axis band and legend band.
enum ChartLayout {
    static let fontSize = 12.0
    static let titleHeight = 26.0
    static let rowHeight = 22.0
    static let axisHeight = 20.0
    static let legendHeight = 20.0
}
