import Domain
import Foundation
import Planning

/// The JSON inputs: rotation rules (bit 0 of the first byte clear), read as the web's
/// rules upload reads them (`JSONSerialization` for the keys, then `JSONDecoder`), and
/// standard files (bit 0 set), through ``Standard/decode(_:source:)``; with bit 1 set, layout
/// rules (which hold the zoning rules), read the same way; with bit 2 set, funding rules.
///
/// Decoded values must survive a round trip: encoded and decoded again, they are equal.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let json = Data(UnsafeBufferPointer(start: data + 1, count: size - 1))
    if data[0] & 4 != 0 {
        guard (try? JSONSerialization.jsonObject(with: json)) is [String: Any],
              let rules = try? JSONDecoder().decode(FundingRules.self, from: json)
        else { return 0 }
        let again = try! JSONDecoder().decode(FundingRules.self, from: try! JSONEncoder().encode(rules))
        precondition(again == rules, "funding rules change in a round trip")
    } else if data[0] & 2 != 0 {
        guard (try? JSONSerialization.jsonObject(with: json)) is [String: Any],
              let rules = try? JSONDecoder().decode(LayoutRules.self, from: json)
        else { return 0 }
        let again = try! JSONDecoder().decode(LayoutRules.self, from: try! JSONEncoder().encode(rules))
        precondition(again == rules, "layout rules change in a round trip")
    } else if data[0] & 1 == 0 {
        guard (try? JSONSerialization.jsonObject(with: json)) is [String: Any],
              let rules = try? JSONDecoder().decode(RotationRules.self, from: json)
        else { return 0 }
        let again = try! JSONDecoder().decode(RotationRules.self, from: try! JSONEncoder().encode(rules))
        precondition(again == rules, "rotation rules change in a round trip")
    } else {
        guard let standard = try? Standard.decode(json, source: "fuzz.json") else { return 0 }
        let again = try! Standard.decode(try! JSONEncoder().encode(standard), source: "again")
        precondition(again == standard, "a standard changes in a round trip")
    }
    return 0
}
