import Domain
import Foundation
import SQLKit
import Storage

extension SQLStore: PlanAdoptionStore {
    public func adoptedPlans(county: String) async throws -> [AdoptedPlan] {
        try await reading { try await $0.adoptedPlans(county: county) }
    }

    /// Adopts in one exclusive transaction, so two planners adopting at once get two versions.
    public func adoptPlan(_ plan: AdoptedPlan, by account: Account) async throws -> AdoptedPlan {
        var plan = try AdoptedPlan.checked(plan)
        return try await writing { session in
            let stored = try await session.adoptedPlans(county: plan.countyCode)
            plan.version = (stored.filter { $0.kind == plan.kind && $0.year == plan.year }.map(\.version).max() ?? 0) + 1
            let items = String(decoding: try JSONEncoder.sorted.encode(plan.items), as: UTF8.self)
            try await session.insert(into: Tables.adoptedPlans, columns: ["county_code", "kind", "year", "version", "title", "adopted_by", "adopted_at", "items"],
                                     rows: [[.text(plan.countyCode), .text(plan.kind.rawValue), .integer(plan.year), .integer(plan.version), .text(plan.title),
                                             .text(plan.adoptedBy), .double(StoredTime.value(plan.adoptedAt)), .text(items)]])
            try await session.appendAudit([plan.auditEntry(by: account)])
            return plan
        }
    }
}

extension SQLSession {
    func adoptedPlans(county: String) async throws -> [AdoptedPlan] {
        try await sql.select().columns("kind", "year", "version", "title", "adopted_by", "adopted_at", "items").from(Tables.adoptedPlans)
            .where("county_code", .equal, SQLBind(county)).all().map { row in
                let version = try row.decode(column: "version", as: Int.self)
                guard let kind = AdoptedPlan.Kind(rawValue: try row.decode(column: "kind", as: String.self)),
                      let items = try? JSONDecoder().decode([AdoptedPlan.Item].self, from: Data(try row.decode(column: "items", as: String.self).utf8))
                else { throw StoreError.corrupt("\(Tables.adoptedPlans) \(county) v\(version)") }
                return AdoptedPlan(countyCode: county, year: try row.decode(column: "year", as: Int.self), kind: kind, version: version,
                                   title: try row.decode(column: "title", as: String.self), adoptedBy: try row.decode(column: "adopted_by", as: String.self),
                                   adoptedAt: StoredTime.date(try row.decode(column: "adopted_at", as: Double.self)), items: items)
            }
            .sorted { ($0.kind.rawValue, $0.year, $0.version) < ($1.kind.rawValue, $1.year, $1.version) }
    }
}
