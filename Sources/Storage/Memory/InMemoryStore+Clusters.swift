import Domain
import Foundation

extension InMemoryStore: ClusterStore {
    public func clusters(county: String) -> [SchoolCluster] {
        (clustersByCounty[county] ?? [:]).values.sorted { ($0.kind.rawValue, $0.id) < ($1.kind.rawValue, $1.id) }
    }

    public func saveCluster(_ cluster: SchoolCluster, by account: Account, at time: Date) {
        clustersByCounty[cluster.countyCode, default: [:]][cluster.id] = cluster
        append(cluster.auditEntry(removed: false, by: account, at: time))
    }

    public func deleteCluster(county: String, id: String, by account: Account, at time: Date) -> Bool {
        guard let removed = clustersByCounty[county]?.removeValue(forKey: id) else { return false }
        append(removed.auditEntry(removed: true, by: account, at: time))
        return true
    }

    public func sharedTeachers(county: String, year: Int) -> [SharedTeacher] {
        (shared[CountyYear(countyCode: county, year: year)] ?? [:]).values.sorted { $0.teacherID < $1.teacherID }
    }

    public func saveSharedTeacher(_ record: SharedTeacher, by account: Account, at time: Date) {
        shared[CountyYear(countyCode: record.countyCode, year: record.year), default: [:]][record.teacherID] = record
        append(record.auditEntry(removed: false, by: account, at: time))
    }

    public func deleteSharedTeacher(county: String, year: Int, teacher: String, by account: Account, at time: Date) -> Bool {
        guard let removed = shared[CountyYear(countyCode: county, year: year)]?.removeValue(forKey: teacher) else { return false }
        append(removed.auditEntry(removed: true, by: account, at: time))
        return true
    }
}
