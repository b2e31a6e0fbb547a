import Domain

/// One generated county: who it is and the hidden levels its schools were drawn from.
public struct DemoCounty: Sendable, Hashable {
    /// Whether the county-level division is a 县 or a 市辖区.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// 县 — a county seat (城关镇) with towns (镇) and townships (乡) around it.
        case county
        /// 区 — a district of a city: mostly urban, a few towns.
        case district
    }

    /// 县区代码 — 6 digits: province (2), prefecture (2), county (2). Districts use 01–20,
    /// counties 21–80 in the last two digits, as the real division codes do.
    public var code: String
    /// 县区名称, e.g. 安平县 or 城东区.
    public var name: String
    /// The province it lies in, e.g. 河北省.
    public var provinceName: String
    /// 县 or 区.
    public var kind: Kind
    /// The county seat: schools are scattered around it.
    public var centre: Coordinate
    /// Hidden level of development in [0, 1]: higher means smaller classes, more space,
    /// equipment and backbone teachers, and more county facts met.
    public var development: Double
    /// Hidden urban–rural balance in [0, 1]: higher means rural schools' teachers and
    /// facilities resemble the town's (lower CVs).
    public var balance: Double
    /// Development as the school figures use it: levels reach their top at d = 0.96, so the
    /// most developed twentieth of counties is uniformly well provided.
    var effectiveDevelopment: Double { min(1, development / 0.96) }
    /// The seed of this county's own random stream.
    let streamSeed: UInt64
}

/// County-level policies drawn for each county; each keeps the school rows consistent with
/// one of the county facts that can be read off them.
struct DemoPolicies {
    /// No 小学/初中 above 2000 students, no 一贯制 above 2500 in its compulsory stages.
    var capsSchoolSize: Bool
    /// No class above 45 (primary) or 50 (junior) students.
    var capsClassSize: Bool
    /// One music and one art room per 12 classes in every school.
    var musicArtRooms: Bool
    /// Schools under 100 students funded as 100.
    var smallSchoolFloor: Bool
    /// Every school spends at least 5 % of its public funds on teacher training.
    var trainingFloor: Bool
    /// Special schools funded with at least 6000 yuan per student.
    var specialFunding: Bool
    /// Backbone and PE/art teachers are deployed (交流轮岗) so that every school has at least
    /// one backbone teacher and 0.9 PE/art teachers per 100 pupils — the 2017 thresholds —
    /// as far as its teachers allow.
    var staffsToStandard: Bool
    /// Every school of 3+ teachers has at least one PE or art teacher.
    var peArtPerSchool: Bool
    /// Per-student public-funds quotas (yuan per year), the same for town and country.
    var fundsPrimary: Double
    var fundsJunior: Double
    var fundsSenior: Double

    init(_ county: DemoCounty, _ rng: inout SeededGenerator) {
        let e = county.effectiveDevelopment
        let b = county.balance
        capsSchoolSize = rng.chance(0.7 + 0.3 * e)
        capsClassSize = rng.chance(0.7 + 0.3 * e)
        musicArtRooms = rng.chance(0.8 + 0.2 * e)
        smallSchoolFloor = rng.chance(0.9 + 0.1 * e)
        trainingFloor = rng.chance(0.85 + 0.15 * e)
        specialFunding = rng.chance(0.85 + 0.15 * e)
        staffsToStandard = rng.chance(0.45 * (b * e) * (b * e) * (b * e))
        peArtPerSchool = rng.chance(0.3 + 0.6 * b)
        fundsPrimary = rng.uniform(650, 850)
        fundsJunior = rng.uniform(850, 1100)
        fundsSenior = rng.uniform(1100, 1500)
    }
}

/// A township (乡镇) of a county: its seat gets a central primary school and a secondary school,
/// its villages small primaries and teaching points.
struct DemoTownship {
    var name: String
    /// 镇 (town locality) or 乡 (rural locality).
    var locality: Locality
    var centre: Coordinate
}
