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
}
