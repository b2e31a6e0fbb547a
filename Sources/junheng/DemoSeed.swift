import Demo
import Domain
import Foundation
import Interchange
import Storage
import Web

/// What `serve --demo` puts in its fresh database: demo counties for two years (the earlier
/// year a little worse, so trends show), their county facts, and the admin account.
struct DemoSeed {
    let counties: Int
    let standard: Standard

    /// Fills `store`; returns the line that tells the admin's password (generated when none is given).
    func fill(_ store: some Store, adminPassword: String?, cost: UInt8) async throws -> String {
        let generator = DemoGenerator(seed: 1, counties: counties, year: 2025, standard: standard)
        let data = generator.generate()
        let rows = DemoHistory.previousYear(of: data.schools) + data.schools
        let password = adminPassword ?? Self.generatedPassword()
        let admin = try await store.createAccount(
            NewAccount(name: "admin", role: .admin, passwordHash: try await PasswordHasher(cost: cost).hash(password)),
            at: Date()
        )
        _ = try await store.importData(ImportBatch(schools: rows, facts: data.facts, source: "demo"), by: admin, at: Date())
        // The care data (synthetic names): each county's register, cohorts and dropout ledger.
        let care = generator.care(of: data, teachers: generator.teachersWithClasses(of: data))
        for county in data.counties {
            _ = try await store.replaceChildren(county: county.code, year: 2025, children: care.children.filter { $0.countyCode == county.code },
                                                by: admin, at: Date())
            _ = try await store.replaceCohorts(county: county.code, year: 2025, cohorts: care.cohorts.filter { $0.countyCode == county.code },
                                               by: admin, at: Date())
            _ = try await store.saveDropoutCases(county: county.code, cases: care.dropouts.filter { $0.countyCode == county.code },
                                                 by: admin, at: Date())
        }
        return adminPassword == nil
            ? "admin password (shown once): \(password)"
            : "admin password: from JUNHENG_ADMIN_PASSWORD"
    }

    /// 16 characters from an alphabet without look-alikes.
    static func generatedPassword() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}
