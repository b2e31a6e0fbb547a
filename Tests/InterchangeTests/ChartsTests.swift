import Domain
import Foundation
@testable import Interchange
@testable import Reports
import Testing

@Suite("SVG charts")
struct ChartsTests {
    typealias F = HTMLReportFixture

    /// Checks what every chart must be: XML, accessible, no NaN or infinity.
    func expectSound(_ svg: String, title: String) {
        #expect(F.xmlError(svg) == nil, "\(svg)")
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("<title>\(Markup.escape(title))</title>"))
        for bad in ["nan", "NaN", "inf", "Inf"] { #expect(!svg.contains(bad), "\(bad)") }
    }

    @Test("bar lengths are proportional to the values")
    func barLengths() {
        let chart = BarChart(title: "CV", bars: [
            .init(label: "a", value: 0.1), .init(label: "b", value: 0.2), .init(label: "c", value: 0.4),
        ])
        let svg = chart.svg()
        expectSound(svg, title: "CV")
        let widths = F.attribute("width", of: "<rect class=\"bar", in: svg)
        #expect(widths.count == 3)
        #expect(abs(widths[1] / widths[0] - 2) < 0.02)
        #expect(abs(widths[2] / widths[0] - 4) < 0.02)
        #expect(abs(widths[2] - 0.4 / chart.scale.upper * (chart.plotRight - chart.plotLeft)) < 0.01)
    }

    @Test("a marker sits where a bar of the same value ends; highlighted bars are red")
    func markerPosition() {
        let svg = BarChart(title: "t", bars: [
            .init(label: "x", value: 0.5, marker: 0.5),
            .init(label: "y", value: 0.62, marker: 0.5, highlighted: true),
        ], markerLabel: "限值").svg()
        let x = F.attribute("x", of: "<rect class=\"bar", in: svg)[0]
        let width = F.attribute("width", of: "<rect class=\"bar", in: svg)[0]
        let markers = F.attribute("x1", of: "<line class=\"marker\"", in: svg)
        #expect(markers.count == 2)
        #expect(abs(markers[0] - (x + width)) < 0.011)
        #expect(markers[0] == markers[1])
        #expect(svg.contains("class=\"bar highlighted\"") && svg.contains(ChartPalette.failing))
        #expect(svg.contains(">限值</text>"))
    }

    @Test("empty, all-zero and NaN data draw without NaN or infinity")
    func degenerateData() {
        let charts = [
            BarChart(title: "empty", bars: []).svg(),
            BarChart(title: "zero", bars: [.init(label: "a", value: 0, marker: 0), .init(label: "b", value: nil)]).svg(),
            BarChart(title: "missing", bars: [.init(label: "a", value: .nan, marker: .infinity), .init(label: "b", value: -.infinity)]).svg(),
            StripChart(title: "empty", rows: []).svg(),
            StripChart(title: "zero", rows: [.init(label: "a", points: [.init(value: 0), .init(value: 0)], reference: 0)]).svg(),
            StripChart(title: "missing", rows: [.init(label: "a", points: [.init(value: .nan), .init(value: .infinity)], reference: .nan)],
                       domain: 0...0).svg(),
            ScatterMap(title: "empty", categories: [], points: []).svg(),
            ScatterMap(title: "one", categories: [.init(label: "a", color: "red")], points: [.init(longitude: 116, latitude: 40, category: 0)]).svg(),
            ScatterMap(title: "missing", categories: [], points: [.init(longitude: .nan, latitude: 91, category: 3)]).svg(),
        ]
        for (svg, title) in zip(charts, ["empty", "zero", "missing", "empty", "zero", "missing", "empty", "one", "missing"]) {
            expectSound(svg, title: title)
        }
        #expect(!charts[2].contains("<rect class=\"bar"))
        #expect(F.count("<circle", in: charts[5]) == 0 && !charts[5].contains("<g"))
        #expect(F.count("class=\"point\"", in: charts[8]) == 0)
    }

    @Test("labels, titles and tooltips are escaped")
    func escaping() {
        let text = #"A&B <"c">'d'"#
        let escaped = "A&amp;B &lt;&quot;c&quot;&gt;&#39;d&#39;"
        let svgs = [
            BarChart(title: text, bars: [.init(label: text, value: 1, valueLabel: text)], markerLabel: text).svg(),
            StripChart(title: text, rows: [.init(label: text, points: [.init(value: 1, label: text)], reference: 1)], referenceLabel: text).svg(),
            ScatterMap(title: text, categories: [.init(label: text, color: "#000")],
                       points: [.init(longitude: 1, latitude: 2, category: 0, label: text)]).svg(),
        ]
        for svg in svgs {
            expectSound(svg, title: text)
            #expect(!svg.contains(text))
            #expect(svg.contains(escaped))
        }
    }

    @Test("strip dots fall on the axis, clamped to its ends, with the reference tick")
    func stripPositions() throws {
        let chart = StripChart(title: "s", rows: [
            .init(label: "a", points: [.init(value: 0), .init(value: 1, highlighted: true), .init(value: 9)], reference: 1),
        ], domain: 0...2, tickFormat: .percent)
        let svg = chart.svg()
        let xs = F.attribute("cx", of: "<circle", in: svg)                      // ordinary dots, then highlighted ones
        let left = chart.plotLeft, right = chart.plotRight
        try #require(xs.count == 3)
        #expect(abs(xs[0] - left) < 0.011)
        #expect(abs(xs[1] - right) < 0.011)
        #expect(abs(xs[2] - (left + right) / 2) < 0.011)
        #expect(F.attribute("x1", of: "<line class=\"reference\"", in: svg) == [xs[2]])
        #expect(svg.contains(">200%</text>"))
        #expect(svg.contains("<g class=\"dots highlighted\" fill=\"\(ChartPalette.failing)\""))
    }

    @Test("the map keeps distances: x is shrunk by cos(latitude)")
    func mapAspect() throws {
        // 1° of longitude at 60° N is half as long as 1° of latitude.
        let map = ScatterMap(title: "m", categories: [.init(label: "a", color: "#000", shape: .square)], points: [
            .init(longitude: 10, latitude: 59.5, category: 0), .init(longitude: 12, latitude: 60.5, category: 0),
        ], width: 400, maxHeight: 1000)
        let svg = map.svg()
        let xs = F.attribute("x", of: "<rect", in: svg).dropFirst().map { $0 }   // first is the frame
        let ys = F.attribute("y", of: "<rect", in: svg).dropFirst().map { $0 }
        try #require(xs.count == 3)                                                // two points, one legend square
        let dx = abs(xs[1] - xs[0]), dy = abs(ys[1] - ys[0])
        #expect(abs(dx / dy - 2 * cos(60 * Double.pi / 180)) < 0.01)
        #expect(svg.contains(" km</text>"))
        expectSound(svg, title: "m")
    }

    @Test("trend points sit at their period and value; a gap breaks the line; failing points are ringed in red")
    func linePositions() throws {
        let chart = LineChart(title: "t", periods: ["2023", "2024", "2025", "2026"], series: [
            .init(label: "a", values: [0.2, 0.4, nil, .nan], failing: [false, true]),
            .init(label: "b", values: [0.6, 0.6, 0.6, 0.6]),
        ], limit: 0.5, limitLabel: "限值")
        let svg = chart.svg()
        expectSound(svg, title: "t")
        let scale = chart.scale
        let xs = F.attribute("cx", of: "<circle", in: svg), ys = F.attribute("cy", of: "<circle", in: svg)
        try #require(xs.count == 6)                                     // a: two points (a gap, then NaN), b: four
        #expect(abs(xs[0] - chart.x(0)) < 0.011 && abs(xs[1] - chart.x(1)) < 0.011)
        #expect(abs(ys[0] - chart.y(0.2, scale: scale)) < 0.011)
        #expect(abs(ys[1] - chart.y(0.4, scale: scale)) < 0.011)
        #expect(ys[0] > ys[1], "a larger value is higher on the chart")
        #expect(F.count("<polyline", in: svg) == 2)                   // a's run of two, b's of four
        #expect(F.count("class=\"point failing\"", in: svg) == 1 && svg.contains("stroke=\"\(ChartPalette.failing)\""))
        let limit = F.attribute("y1", of: "<line class=\"limit\"", in: svg)
        #expect(limit.count == 1 && abs(limit[0] - chart.y(0.5, scale: scale)) < 0.011)
        #expect(svg.contains(">限值</text>") && svg.contains(">2026</text>"))
        // Degenerate trends draw soundly.
        for degenerate in [
            LineChart(title: "e", periods: [], series: []),
            LineChart(title: "e", periods: ["2025"], series: [.init(label: "x", values: [.infinity])], limit: .nan, limitLabel: "l"),
        ] {
            expectSound(degenerate.svg(), title: "e")
        }
        let text = #"A&B <"c">'d'"#
        let escaped = LineChart(title: text, periods: [text], series: [.init(label: text, values: [1])], limit: 1, limitLabel: text).svg()
        #expect(!escaped.contains(text) && escaped.contains("A&amp;B &lt;&quot;c&quot;&gt;&#39;d&#39;"))
    }

    @Test("map areas are drawn under the points in the points' projection; broken corners are left out")
    func mapAreas() throws {
        let ring = [Coordinate(longitude: 116.0, latitude: 40.0), Coordinate(longitude: 116.2, latitude: 40.0),
                    Coordinate(longitude: 116.2, latitude: 40.1), Coordinate(longitude: .nan, latitude: 40)]
        let map = ScatterMap(
            title: "m", categories: [.init(label: "学区", color: "#0072b2")],
            points: [.init(longitude: 116.2, latitude: 40.1, category: 0)],
            areas: [.init(label: "第一学区 <A&B>", ring: ring, category: 0),
                    .init(label: "too small", ring: [ring[0], ring[1], ring[3]], category: 0)])
        let svg = map.svg()
        expectSound(svg, title: "m")
        #expect(F.count("<polygon class=\"area\"", in: svg) == 1)
        #expect(svg.contains("<title>第一学区 &lt;A&amp;B&gt;</title>") && !svg.contains("too small"))
        #expect(svg.range(of: "<polygon")!.lowerBound < svg.range(of: "<circle")!.lowerBound, "areas lie under the points")
        // The point sits on the area's third corner.
        let corners = try #require(svg.components(separatedBy: "points=\"").dropFirst().first?.prefix { $0 != "\"" })
        let third = corners.split(separator: " ")[2].split(separator: ",").compactMap { Double($0) }
        let cx = F.attribute("cx", of: "<circle", in: svg), cy = F.attribute("cy", of: "<circle", in: svg)
        #expect(third.count == 2 && abs(third[0] - cx[0]) < 0.011 && abs(third[1] - cy[0]) < 0.011)
        // An area alone sets the map's extent.
        expectSound(ScatterMap(title: "a", categories: [], points: [], areas: [.init(label: "z", ring: ring, category: 5)]).svg(), title: "a")
    }

    @Test("charts are deterministic and numbers have fixed precision")
    func deterministic() {
        let make = { BarChart(title: "d", bars: [.init(label: "a", value: 1 / 3, marker: 0.5)]).svg() }
        #expect(make() == make())
        #expect(Markup.number(1 / 3) == "0.33")
        #expect(Markup.number(-2.005) == "-2.01")
        #expect(Markup.number(.nan) == "0")
        #expect(Markup.number(7) == "7")
        #expect(Markup.number(0.1) == "0.10")
    }

    @Test("round axis steps")
    func scale() {
        #expect(ChartScale(covering: 0.62).upper == 0.8)
        #expect(ChartScale(covering: 0.5).ticks.count == 6)
        #expect(ChartScale(covering: 0).upper == 1)
        #expect(ChartScale(covering: .nan).upper == 1)
        #expect(ChartScale(covering: 4518).step == 1000)
    }
}
