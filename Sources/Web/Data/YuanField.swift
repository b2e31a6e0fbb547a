import Foundation

/// A form field of yuan, as a planner types it: `30000000` or `30,000,000` (the commas of
/// thousands dropped), 0 up to 10¹³ (far above any county's budget); nil for anything else.
/// The layout page's budget and the funding page's budget read it the same way.
enum YuanField {
    static let largest = 1e13

    static func parse(_ text: String) -> Double? {
        let plain = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
        guard let yuan = Double(plain), yuan.isFinite, (0...largest).contains(yuan) else { return nil }
        return yuan
    }
}
