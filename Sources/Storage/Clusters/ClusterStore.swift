import Domain
import Foundation

/// Where each county's school clusters are kept (``Domain/SchoolCluster``: 学区, 教育集团, 教育联盟).
/// Every write is one transaction recorded in the audit trail (``AuditAction/cluster``);
/// checking a cluster against the county's schools and its other clusters is the caller's
/// (``Domain/SchoolCluster/problem(of:among:schools:language:)``), the store keeps one per id.
public protocol ClusterStore: Sendable {
    /// The clusters of `county`, by kind, then id.
    func clusters(county: String) async throws -> [SchoolCluster]

    /// Adds `cluster`, or replaces the county's cluster of the same id.
    func saveCluster(_ cluster: SchoolCluster, by account: Account, at time: Date) async throws

    /// Removes the county's cluster `id`; whether there was one.
    func deleteCluster(county: String, id: String, by account: Account, at time: Date) async throws -> Bool

    /// The teachers the county's clusters share in `year` (集团内互派), by teacher id.
    func sharedTeachers(county: String, year: Int) async throws -> [SharedTeacher]

    /// Records a shared teacher, replacing the record of the same county, year and teacher.
    func saveSharedTeacher(_ record: SharedTeacher, by account: Account, at time: Date) async throws

    /// Removes the record of `teacher` in the county's `year`; whether there was one.
    func deleteSharedTeacher(county: String, year: Int, teacher: String, by account: Account, at time: Date) async throws -> Bool
}

extension SharedTeacher {
    /// The trail entry of a write: the teacher's id as the field, the move as the new value
    /// (`nil` when removed). Names no one: the id is the teachers file's.
    public func auditEntry(removed: Bool, by account: Account, at time: Date) -> AuditEntry {
        AuditEntry(id: 0, at: time, accountName: account.name, action: .sharedTeacher, countyCode: countyCode, year: year,
                   schoolCode: homeSchool, field: teacherID, newValue: removed ? nil : "\(clusterID): \(homeSchool) → \(hostSchool)",
                   note: removed ? "removed" : nil)
    }
}

extension SchoolCluster {
    /// The trail entry of a write: the cluster's id as the field, its definition as the new
    /// value (`nil` when removed), the year of `time` in Beijing as the entry's year.
    public func auditEntry(removed: Bool, by account: Account, at time: Date) -> AuditEntry {
        let definition = "\(kind.chineseName) \(name)：" + (coreSchool.map { "核心校 \($0)；" } ?? "") + "成员 " + members.joined(separator: "、")
        return AuditEntry(id: 0, at: time, accountName: account.name, action: .cluster, countyCode: countyCode,
                          year: UnitCostChange.beijingYear(of: time), field: id, newValue: removed ? nil : definition,
                          note: removed ? "removed" : nil)
    }
}
