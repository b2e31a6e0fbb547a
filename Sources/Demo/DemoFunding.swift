import Domain

/// What the funding formula and item 3 read from a county's demo schools — boarders, 随班就读
/// pupils, the music and art rooms' areas — worked out from each row and its school code alone
/// (no random draw), so every other figure of a seed stays what it was before them.
///
/// - a boarding school boards 30–69 % of its compulsory pupils;
/// - a school of 300 pupils or more (special schools and 教学点 aside) has 0–3 随班就读 pupils;
/// - each music room measures 96–120 m², each art room 90–114 m² (the standard's least areas
///   and up), so item 3 turns on the rooms the rows already count, as the typed fact does.
enum DemoFunding {
    static func apply(to schools: inout [SchoolYear]) {
        for index in schools.indices {
            let school = schools[index]
            let draw = Self.hash(school.schoolCode)
            let pupils = (school.primary.students ?? 0) + (school.junior.students ?? 0)
            if school.boarding == true, pupils > 0 { schools[index].boarders = pupils * Int(30 + draw % 40) / 100 }
            if school.type != .special, school.type != .teachingPoint, pupils >= 300 { schools[index].specialPupils = Int((draw >> 8) % 4) }
            if (school.facilities.musicRooms ?? 0) > 0 { schools[index].facilities.musicRoomArea = Double(96 + (draw >> 16) % 25) }
            if (school.facilities.artRooms ?? 0) > 0 { schools[index].facilities.artRoomArea = Double(90 + (draw >> 24) % 25) }
        }
    }

    /// FNV-1a of the code: the same on every platform.
    static func hash(_ code: String) -> UInt64 {
        code.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
    }
}
