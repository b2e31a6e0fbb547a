import Domain
import Spreadsheet

/// Writes `sites` files.
public typealias SitesWriter = DataFileWriter<LayoutSite>

extension DataFileWriter where Row == LayoutSite {
    /// The CSV file of `sites`, one row each, in order.
    ///
    /// - Throws: ``TextCodingError`` only for GB18030 on a system that cannot encode it.
    public func write(_ sites: [LayoutSite]) throws(TextCodingError) -> [UInt8] {
        try file(sites, text(_:of:))
    }

    func text(_ column: SiteColumn, of site: LayoutSite) -> String? {
        switch column {
        case .siteId: site.id
        case .siteName: site.name.isEmpty ? nil : site.name
        case .longitude: site.location.map { DecimalNumber.text($0.longitude) }
        case .latitude: site.location.map { DecimalNumber.text($0.latitude) }
        case .schoolCode: site.schoolCode
        case .capacityPrimary: site.capacity[.primary].map(String.init)
        case .capacityJunior: site.capacity[.junior].map(String.init)
        case .buildCost: site.buildCost.map { DecimalNumber.text($0) }
        case .expandCostPerClass: site.expandCostPerClass.map { DecimalNumber.text($0) }
        case .maxClasses: site.maxClasses.map(String.init)
        case .keep: Choices.answer(site.keep, headers)
        }
    }
}
