extension Migration {
    /// Version 10: what the funding formula and item 3 read from each school year — 寄宿生数
    /// `boarders`, 随班就读学生数 `special_pupils`, 音乐专用教室面积 `music_room_area` and
    /// 美术专用教室面积 `art_room_area` — appended to `school_years` after the graduates as the
    /// catalogue appends them. Existing rows get NULL: not reported.
    ///
    /// No CHECK, as for the other counts and areas: the readers enforce the ranges.
    static let schoolFunding = Migration(version: 10, summary: "boarders, 随班就读 pupils and the music and art rooms' areas") { flavor in
        SchoolYearsTable.columnDefinitions(SchoolYearsTable.fields(addedIn: 10), flavor).map { column in
            "ALTER TABLE \(SchoolYearsTable.name) ADD COLUMN \(column)"
        }
    }
}
