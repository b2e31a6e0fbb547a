@testable import Interchange
import PropertyBased
@testable import Spreadsheet
import Testing

@Suite struct DecimalNumberTests {
    private func integer(_ text: String) -> String {
        var text = text
        return switch text.withUTF8(DecimalNumber.integer) {
        case let .value(n): "\(n)"
        case .fraction: "fraction"
        case .invalid: "invalid"
        }
    }

    private func decimal(_ text: String) -> Double? {
        var text = text
        return text.withUTF8(DecimalNumber.decimal)
    }

    @Test(arguments: [
        ("812", "812"), ("-3", "-3"), ("+7", "7"), ("007", "7"), ("12.0", "12"), ("12.000", "12"),
        ("1e3", "1000"), ("12.5", "fraction"), ("1.5e0", "fraction"), ("", "invalid"), ("-", "invalid"),
        ("12a", "invalid"), ("三百", "invalid"), ("1,000", "1000"), ("12,345,678", "12345678"), ("1,000.5", "fraction"),
        ("1,00", "invalid"), (",100", "invalid"), ("1,0000", "invalid"), ("1,,000", "invalid"), ("1000,000", "invalid"), ("99999999999999999999", "invalid"),
        ("inf", "invalid"), ("nan", "invalid"), ("0x10", "invalid"),
    ])
    func integers(text: String, expected: String) {
        #expect(integer(text) == expected)
    }

    @Test(arguments: [
        ("1234.56", 1234.56), ("-0.5", -0.5), (".5", 0.5), ("5.", 5), ("0.1", 0.1), ("3250000.75", 3250000.75),
        ("1e-7", 1e-7), ("2.5E+3", 2500), ("123456789012345678901234", 123456789012345678901234.0),
        ("0.30000000000000004", 0.30000000000000004), ("9007199254740993", 9_007_199_254_740_992),
        ("30,000,000.5", 30_000_000.5), ("-1,234", -1234), ("+1,000,000", 1_000_000),
    ])
    func decimals(text: String, expected: Double) {
        #expect(decimal(text) == expected)
    }

    @Test(arguments: ["", ".", "-", "1.2.3", "1e", "abc", "inf", "infinity", "nan", "0x1p3", "1e999", "１２", "1,5", "12,34", "1,000.000,1", "1,000e3", ","])
    func notDecimals(text: String) {
        #expect(decimal(text) == nil)
    }

    @Test(arguments: [
        (12.0, "12"), (0.1, "0.1"), (-2.5, "-2.5"), (1e-5, "0.00001"), (1.25e-7, "0.000000125"),
        (1.2345e16, "12345000000000000"), (1e22, "10000000000000000000000"), (-0.0, "-0"),
    ])
    func plainText(value: Double, expected: String) {
        #expect(DecimalNumber.text(value) == expected)
    }

    @Test func everyFiniteDoubleReadsBackExactly() async {
        let magnitudes = Gen.int(in: -12...20)
        await propertyCheck(input: zip(Gen.double(in: -10...10), magnitudes)) { significand, exponent in
            let value = significand * pow10(exponent)
            #expect(decimal(DecimalNumber.text(value)) == value)
        }
        await propertyCheck(input: Gen.int(in: -1_000_000_000...1_000_000_000)) { n in
            #expect(integer(DecimalNumber.text(Double(n))) == "\(n)")
        }
    }

    private func pow10(_ exponent: Int) -> Double {
        (0..<abs(exponent)).reduce(1.0) { value, _ in exponent < 0 ? value / 10 : value * 10 }
    }
}
