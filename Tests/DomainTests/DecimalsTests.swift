import Foundation
import PropertyBased
import Testing
@testable import Domain

@Suite("Showing numbers")
struct DecimalsTests {
    @Test func threeDecimalsAgreeWithPrintfAwayFromTies() async {
        await propertyCheck(input: Gen.double(in: -1e7...1e7)) { value in
            let scaled = abs(value * 1000)
            // printf rounds exact binary ties to even; Junheng rounds them away from zero (四舍五入).
            guard abs(scaled - scaled.rounded(.down) - 0.5) > 1e-6 else { return }
            #expect(Decimals.three(value) == String(format: "%.3f", value))
        }
    }

    @Test(arguments: [
        (0.51526, "0.515"), (0.0625, "0.063"), (-0.0625, "-0.063"), (2, "2.000"), (-0.0004, "0.000"),
        (4047.6951, "4047.695"), (0.5, "0.500"),
    ])
    func threeDecimals(value: Double, expected: String) {
        #expect(Decimals.three(value) == expected)
    }

    @Test(arguments: [(4.2, "4.2"), (2000, "2000"), (0.15, "0.15"), (1.0, "1"), (0.123456, "0.123")])
    func compact(value: Double, expected: String) {
        #expect(Decimals.compact(value) == expected)
    }

    @Test(arguments: [
        (12_345_678.5, 3, "12,345,678.500"), (999.9994, 3, "999.999"), (999.9996, 3, "1,000.000"), (1000, 0, "1,000"),
        (-1_234_567.891, 2, "-1,234,567.89"), (123_456, 3, "123,456.000"), (-0.0004, 3, "0.000"), (.infinity, 3, "—"),
    ])
    func grouped(value: Double, places: Int, expected: String) {
        #expect(Decimals.grouped(value, places: places) == expected)
    }
}
