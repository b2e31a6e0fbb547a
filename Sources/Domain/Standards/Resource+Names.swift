// What a plan adds of each resource, by name and unit: the words every report, page and
// error uses for it.
extension Resource: Named {
    /// The unit a price is quoted in: m², 元, 间, 人·年 (a post's yearly salary), 人 (one
    /// backbone teacher trained and designated), 台, 册.
    public var unit: String {
        switch self {
        case .teachingArea, .sportsArea: "m²"
        case .equipmentValue: "元"
        case .multimediaRooms: "间"
        case .backboneTeachers: "人"
        case .teachers, .qualifiedTeachers, .peArtTeachers, .seniorTitleTeachers: "人·年"
        case .computers: "台"
        case .books: "册"
        }
    }

    /// Whether the resource is added in whole units (teachers, classrooms, computers). Books
    /// are counted but so small that they are planned as divisible.
    public var isWhole: Bool {
        switch self {
        case .teachers, .qualifiedTeachers, .backboneTeachers, .peArtTeachers, .seniorTitleTeachers, .multimediaRooms, .computers:
            true
        case .teachingArea, .sportsArea, .equipmentValue, .books:
            false
        }
    }

    /// The official Chinese name of what is added.
    public var chineseName: String {
        switch self {
        case .teachers: "专任教师"
        case .qualifiedTeachers: "高于规定学历教师"
        case .backboneTeachers: "县级以上骨干教师"
        case .peArtTeachers: "体育、艺术（美术、音乐）专任教师"
        case .seniorTitleTeachers: "中级及以上职称教师"
        case .teachingArea: "教学及辅助用房面积"
        case .sportsArea: "体育运动场馆面积"
        case .equipmentValue: "教学仪器设备值"
        case .multimediaRooms: "网络多媒体教室"
        case .computers: "计算机"
        case .books: "图书"
        }
    }

    /// The English name of what is added.
    public var englishName: String {
        switch self {
        case .teachers: "full-time teachers"
        case .qualifiedTeachers: "teachers above the statutory qualification"
        case .backboneTeachers: "backbone teachers"
        case .peArtTeachers: "PE and art teachers"
        case .seniorTitleTeachers: "mid-level or higher title teachers"
        case .teachingArea: "teaching and auxiliary room area"
        case .sportsArea: "sports ground and gymnasium area"
        case .equipmentValue: "teaching equipment value"
        case .multimediaRooms: "networked multimedia classrooms"
        case .computers: "computers"
        case .books: "books"
        }
    }
}
