import Domain
import Foundation
import SQLKit
import Storage

extension SQLStore: ClusterStore {
    public func clusters(county: String) async throws -> [SchoolCluster] {
        try await reading { try await $0.clusters(county: county) }
    }

    public func saveCluster(_ cluster: SchoolCluster, by account: Account, at time: Date) async throws {
        try await writing(exclusive: false) { session in
            try await session.insert(into: Tables.schoolClusters, columns: ["county_code", "id", "name", "kind", "core_school", "members"],
                                     rows: [[.text(cluster.countyCode), .text(cluster.id), .text(cluster.name), .text(cluster.kind.rawValue),
                                             SQLValue(cluster.coreSchool), .text(cluster.members.joined(separator: ","))]],
                                     replacingOn: ["county_code", "id"])
            try await session.appendAudit([cluster.auditEntry(removed: false, by: account, at: time)])
        }
    }

    public func deleteCluster(county: String, id: String, by account: Account, at time: Date) async throws -> Bool {
        try await writing(exclusive: false) { session in
            guard let existing = try await session.clusters(county: county).first(where: { $0.id == id }) else { return false }
            try await session.sql.delete(from: Tables.schoolClusters).where("county_code", .equal, SQLBind(county)).where("id", .equal, SQLBind(id)).run()
            try await session.appendAudit([existing.auditEntry(removed: true, by: account, at: time)])
            return true
        }
    }
}

extension SQLStore {
    public func sharedTeachers(county: String, year: Int) async throws -> [SharedTeacher] {
        try await reading { session in
            try await session.sql.select().columns("teacher_id", "cluster_id", "home_school", "host_school").from(Tables.sharedTeachers)
                .where("county_code", .equal, SQLBind(county)).where("year", .equal, SQLBind(year)).orderBy("teacher_id").all().map { row in
                    SharedTeacher(countyCode: county, year: year, teacherID: try row.decode(column: "teacher_id", as: String.self),
                                  clusterID: try row.decode(column: "cluster_id", as: String.self),
                                  homeSchool: try row.decode(column: "home_school", as: String.self),
                                  hostSchool: try row.decode(column: "host_school", as: String.self))
                }
        }
    }

    public func saveSharedTeacher(_ record: SharedTeacher, by account: Account, at time: Date) async throws {
        try await writing(exclusive: false) { session in
            try await session.insert(into: Tables.sharedTeachers, columns: ["county_code", "year", "teacher_id", "cluster_id", "home_school", "host_school"],
                                     rows: [[.text(record.countyCode), .integer(record.year), .text(record.teacherID), .text(record.clusterID),
                                             .text(record.homeSchool), .text(record.hostSchool)]],
                                     replacingOn: ["county_code", "year", "teacher_id"])
            try await session.appendAudit([record.auditEntry(removed: false, by: account, at: time)])
        }
    }

    public func deleteSharedTeacher(county: String, year: Int, teacher: String, by account: Account, at time: Date) async throws -> Bool {
        let existing = try await sharedTeachers(county: county, year: year).first { $0.teacherID == teacher }
        guard let existing else { return false }
        return try await writing(exclusive: false) { session in
            try await session.sql.delete(from: Tables.sharedTeachers).where("county_code", .equal, SQLBind(county))
                .where("year", .equal, SQLBind(year)).where("teacher_id", .equal, SQLBind(teacher)).run()
            try await session.appendAudit([existing.auditEntry(removed: true, by: account, at: time)])
            return true
        }
    }
}

extension SQLSession {
    /// The clusters of `county`, by kind, then id.
    func clusters(county: String) async throws -> [SchoolCluster] {
        try await sql.select().columns("id", "name", "kind", "core_school", "members").from(Tables.schoolClusters)
            .where("county_code", .equal, SQLBind(county)).all().map { row in
                let id = try row.decode(column: "id", as: String.self)
                guard let kind = SchoolCluster.Kind(rawValue: try row.decode(column: "kind", as: String.self)) else {
                    throw StoreError.corrupt("\(Tables.schoolClusters) \(county) \(id): kind")
                }
                return SchoolCluster(countyCode: county, id: id, name: try row.decode(column: "name", as: String.self), kind: kind,
                                     coreSchool: try row.optional("core_school", as: String.self),
                                     members: try row.decode(column: "members", as: String.self).split(separator: ",").map(String.init))
            }
            .sorted { ($0.kind.rawValue, $0.id) < ($1.kind.rawValue, $1.id) }
    }
}
