extension Migration {
    /// Version 16: each county's school clusters (``Storage/ClusterStore``: 学区, 教育集团,
    /// 教育联盟), one row per county and cluster id, the member schools' codes in order,
    /// comma-separated; and the teachers they share each year (集团内互派), one row per county,
    /// year and teacher.
    static let schoolClusters = Migration(version: 16, summary: "school clusters of each county") { flavor in
        let text = flavor.text
        return [
            """
            CREATE TABLE \(Tables.schoolClusters) (
              county_code \(text) NOT NULL,
              id \(text) NOT NULL CHECK (id <> ''),
              name \(text) NOT NULL CHECK (name <> ''),
              kind \(text) NOT NULL CHECK (kind IN ('district', 'group', 'alliance')),
              core_school \(text),
              members \(text) NOT NULL CHECK (members <> ''),
              PRIMARY KEY (county_code, id)
            )
            """,
            """
            CREATE TABLE \(Tables.sharedTeachers) (
              county_code \(text) NOT NULL,
              year \(flavor.integer) NOT NULL,
              teacher_id \(text) NOT NULL CHECK (teacher_id <> ''),
              cluster_id \(text) NOT NULL,
              home_school \(text) NOT NULL,
              host_school \(text) NOT NULL CHECK (host_school <> home_school),
              PRIMARY KEY (county_code, year, teacher_id)
            )
            """,
        ]
    }
}
