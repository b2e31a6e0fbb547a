/// One junior school's cohort for the three-year retention rate (初中三年巩固率, quality item 1):
/// the grade-7 pupils who entered three years before the graduation `year`, and what became
/// of them — graduated, transferred in or out, died.
///
/// Retention = (graduates − transfers in + transfers out) ÷ (grade-7 entrants − deaths): pupils
/// who joined the cohort later do not count as kept, pupils who moved to another school did
/// not drop out, and a pupil who died is not one the schools could keep.
public struct CohortRecord: Sendable, Hashable {
    /// 县区代码
    public var countyCode: String
    /// 学校标识码
    public var schoolCode: String
    /// 毕业年度: the year the cohort graduates (its grade-7 year + 3).
    public var year: Int
    /// 三年前七年级入学人数
    public var entrants: Int
    /// 毕业生数; `nil` when the file leaves it to the school row's 初中应届毕业生数.
    public var graduates: Int?
    /// 转入人数
    public var transfersIn: Int
    /// 转出人数
    public var transfersOut: Int
    /// 死亡人数
    public var deaths: Int

    public init(countyCode: String, schoolCode: String, year: Int, entrants: Int, graduates: Int?, transfersIn: Int = 0,
                transfersOut: Int = 0, deaths: Int = 0) {
        self.countyCode = countyCode
        self.schoolCode = schoolCode
        self.year = year
        self.entrants = entrants
        self.graduates = graduates
        self.transfersIn = transfersIn
        self.transfersOut = transfersOut
        self.deaths = deaths
    }
}
