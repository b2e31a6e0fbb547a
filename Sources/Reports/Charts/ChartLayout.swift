/// The sizes the charts share (the map takes the title band), in pixels, so that charts
/// one above the other on a page or in a report line up: the same type size, title band,
/// row pitch, axis band and legend band.
enum ChartLayout {
    static let fontSize = 12.0
    static let titleHeight = 26.0
    static let rowHeight = 22.0
    static let axisHeight = 20.0
    static let legendHeight = 20.0

    /// Places legend entries `widths` wide left to right from 0, starting a new line where an
    /// entry would pass `room`: each entry's x and line.
    static func legend(_ widths: [Double], room: Double) -> [(x: Double, line: Int)] {
        var places: [(x: Double, line: Int)] = []
        var x = 0.0, line = 0
        for width in widths {
            if x > 0, x + width > room {
                x = 0
                line += 1
            }
            places.append((x, line))
            x += width
        }
        return places
    }
}
