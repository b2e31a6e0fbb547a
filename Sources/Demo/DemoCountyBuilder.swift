import Domain

/// Draws one county's schools from its own random stream (see ``DemoGenerator`` for the
/// assumptions).
struct DemoCountyBuilder {
    /// Where in the county a school sits and what kind of site it is; it sets the class-size,
    /// staffing and facility ranges.
    enum Setting {
        /// A school in the county seat (城区).
        case seat
        /// A township seat's 中心小学 or secondary school (镇区 or 乡村).
        case township
        /// A village primary school (乡村).
        case village
        /// A 教学点 (乡村).
        case teachingPoint
        /// A 特殊教育学校.
        case special
    }

    let county: DemoCounty
    let year: Int
    private var rng: SeededGenerator
    private let policies: DemoPolicies
    private var rows: [SchoolYear] = []
    /// FNV-1a hashes of the names given so far (hashing Chinese `String`s normalizes them,
    /// which costs more than drawing the whole school).
    private var usedNames: Set<UInt64> = []
    /// Urban names start with the county name or, in half the counties, with 城关镇.
    private let seatPrefix: String

    init(county: DemoCounty, year: Int) {
        self.county = county
        self.year = year
        var rng = SeededGenerator(seed: county.streamSeed)
        policies = DemoPolicies(county, &rng)
        seatPrefix = county.kind == .county && rng.chance(0.5) ? "城关镇" : county.name
        self.rng = rng
    }

    /// The county's schools, urban first, then township by township, then villages.
    func schools() -> [SchoolYear] {
        var builder = self
        builder.build()
        return builder.rows
    }

    // MARK: - The county's layout

    private mutating func build() {
        let isDistrict = county.kind == .district
        let total = min(max(Int(rng.normal(mean: 43, sd: 10.5).rounded()), 25), 70)
        let special = rng.chance(0.55) ? 1 : 0
        let complete = [0, 1, 2][rng.weightedIndex([0.45, 0.4, 0.15])]
        let twelve = rng.chance(0.2) ? 1 : 0
        let urbanNine = rng.chance(0.4) ? 1 : 0
        var townshipCount = isDistrict
            ? min(max(Int((Double(total) / 9).rounded()), 3), 7)
            : min(max(Int((Double(total) / 6 + rng.normal(sd: 0.8)).rounded()), 3), 8)
        var urbanJunior = isDistrict
            ? min(max(Int((Double(total) * 0.12).rounded()), 3), 8)
            : min(max(Int((Double(total) * 0.06).rounded()), 2), 5)
        var urbanPrimary = isDistrict
            ? Int((Double(total) * rng.uniform(0.25, 0.35)).rounded())
            : min(max(Int((Double(total) * rng.uniform(0.08, 0.14)).rounded()), 3), 9)
        func fixed() -> Int {
            special + complete + twelve + urbanNine + 2 * townshipCount + urbanJunior + urbanPrimary
        }
        while fixed() > total && townshipCount > 1 {
            if urbanPrimary > 2 { urbanPrimary -= 1 } else if urbanJunior > 1 { urbanJunior -= 1 } else { townshipCount -= 1 }
        }
        let rest = max(total - fixed(), 0)
        let teachingPoints = Int((Double(rest) * (isDistrict ? rng.uniform(0, 0.25) : rng.uniform(0.35, 0.6))).rounded())
        let villagePrimaries = rest - teachingPoints

        // The county seat.
        var primaryNumber = 0
        for i in 0..<urbanPrimary {
            let isPrivate = i > 0 && rng.chance(0.12)
            let name: String
            if i == 0 {
                name = county.name + "实验小学"
            } else if isPrivate {
                name = privateName(suffix: "小学")
            } else {
                primaryNumber += 1
                name = seatPrefix + "第" + DemoNames.numeral(primaryNumber) + "小学"
            }
            let students = isPrivate
                ? Int(rng.uniform(600, 1500))
                : Int(policies.capsSchoolSize ? rng.uniform(1200, 2000) : rng.triangular(1200, 1800, 2800))
            addSchool(name: name, type: .primary, locality: .urban, setting: .seat,
                      ownership: isPrivate ? .private : .public, flagship: i == 0, primary: students)
        }
        for i in 0..<urbanJunior {
            let isPrivate = i > 0 && rng.chance(0.12)
            let name = i == 0 ? county.name + "实验中学"
                : isPrivate ? privateName(suffix: "中学")
                : county.name + "第" + DemoNames.numeral(i + 1) + "初级中学"
            let students = isPrivate
                ? Int(rng.uniform(500, 1400))
                : Int(policies.capsSchoolSize ? rng.uniform(1000, 2000) : rng.triangular(1000, 1500, 2400))
            addSchool(name: name, type: .junior, locality: .urban, setting: .seat,
                      ownership: isPrivate ? .private : .public, flagship: i == 0, junior: students)
        }
        for _ in 0..<urbanNine {
            let primary = Int(rng.uniform(900, 1500))
            let junior = Int(rng.uniform(600, 1000))
            addSchool(name: county.name + "实验学校", type: .nineYear, locality: .urban, setting: .seat,
                      flagship: true, primary: primary, junior: junior)
        }
        for i in 0..<complete {
            let junior = Int(policies.capsSchoolSize ? rng.uniform(600, 1400) : rng.uniform(600, 1600))
            let senior = Int(rng.uniform(900, 2400))
            let isPrivate = rng.chance(0.1)
            let name = isPrivate ? privateName(suffix: "高级中学")
                : county.name + "第" + DemoNames.numeral(i + 1) + "中学"
            addSchool(name: name, type: .completeSecondary, locality: rng.chance(0.8) ? .urban : .town,
                      setting: .seat, ownership: isPrivate ? .private : .public, junior: junior, senior: senior)
        }
        for _ in 0..<twelve {
            let isPrivate = rng.chance(0.6)
            let name = isPrivate ? privateName(suffix: "外国语学校") : county.name + "育才学校"
            addSchool(name: name, type: .twelveYear, locality: .urban, setting: .seat,
                      ownership: isPrivate ? .private : .public,
                      primary: Int(rng.uniform(500, 1200)), junior: Int(rng.uniform(400, 900)),
                      senior: Int(rng.uniform(300, 1200)))
        }
        if special == 1 {
            addSchool(name: county.name + "特殊教育学校", type: .special, locality: .urban, setting: .special,
                      primary: Int(rng.uniform(40, 150)), junior: Int(rng.uniform(10, 70)))
        }

        // Townships: a 中心小学 and a secondary school each; teaching points belong to one of them.
        let townships = makeTownships(count: townshipCount)
        var parents: [[String]] = []
        for township in townships {
            var own: [String] = []
            let centreStudents = township.locality == .town ? rng.uniform(600, 1600) : rng.uniform(250, 700)
            own.append(addSchool(name: township.name + "中心小学", type: .primary, locality: township.locality,
                                 setting: .township, near: township.centre, primary: Int(centreStudents)))
            if rng.chance(0.35) {
                let town = township.locality == .town
                let code = addSchool(name: township.name + "九年一贯制学校", type: .nineYear, locality: township.locality,
                                     setting: .township, near: township.centre,
                                     primary: Int(town ? rng.uniform(400, 900) : rng.uniform(150, 450)),
                                     junior: Int(town ? rng.uniform(300, 700) : rng.uniform(100, 350)))
                own.append(code)
            } else {
                let students = township.locality == .town ? rng.uniform(500, 1400) : rng.uniform(150, 600)
                addSchool(name: township.name + (township.locality == .town ? "中学" : "初级中学"), type: .junior,
                          locality: township.locality, setting: .township, near: township.centre,
                          junior: Int(students))
            }
            parents.append(own)
        }

        // Villages.
        var townPrimaries = [Int](repeating: 1, count: townships.count)
        for _ in 0..<villagePrimaries {
            let index = rng.integer(in: 0...(townships.count - 1))
            if townships[index].locality == .town && rng.chance(0.35) {
                // A second (third…) primary school in the town itself.
                townPrimaries[index] += 1
                let name = townships[index].name + "第" + DemoNames.numeral(townPrimaries[index]) + "小学"
                addSchool(name: name, type: .primary, locality: .town, setting: .township,
                          near: townships[index].centre, spread: 0.02, primary: Int(rng.uniform(300, 900)))
                continue
            }
            let name = villageName(in: townships[index], suffix: "小学")
            addSchool(name: name, type: .primary, locality: .rural, setting: .village,
                      near: townships[index].centre, spread: 0.09, primary: Int(rng.logUniform(60, 400)))
        }
        for _ in 0..<teachingPoints {
            let index = rng.integer(in: 0...(townships.count - 1))
            let name = villageName(in: townships[index], suffix: "教学点")
            addSchool(name: name, type: .teachingPoint, locality: .rural, setting: .teachingPoint,
                      parent: rng.pick(parents[index]), near: townships[index].centre, spread: 0.1,
                      primary: Int(rng.logUniform(10, 121)))
        }
    }

    private mutating func makeTownships(count: Int) -> [DemoTownship] {
        var result: [DemoTownship] = []
        var names = Set<UInt64>()
        let offset = rng.uniform()
        for k in 0..<count {
            var name = ""
            repeat {
                name = rng.pick(DemoNames.placeSyllables) + rng.pick(DemoNames.placeSyllables)
            } while names.contains(Self.fingerprint(name)) || name == String(county.name.dropLast())
            names.insert(Self.fingerprint(name))
            let isTown = county.kind == .district || rng.chance(0.55)
            let turns = offset + (Double(k) + rng.uniform(-0.3, 0.3)) / Double(count)
            let radius = county.kind == .district ? rng.uniform(0.05, 0.2) : rng.uniform(0.08, 0.4)
            result.append(DemoTownship(
                name: name + (isTown ? "镇" : "乡"), locality: isTown ? .town : .rural,
                centre: Self.move(county.centre, turns: turns, radius: radius)))
        }
        return result
    }

    private mutating func privateName(suffix: String) -> String {
        var name = ""
        for _ in 0..<20 {
            name = county.name + rng.pick(DemoNames.privateWords) + suffix
            if !usedNames.contains(Self.fingerprint(name)) { break }
        }
        return name
    }

    private mutating func villageName(in township: DemoTownship, suffix: String) -> String {
        var name = ""
        for _ in 0..<50 {
            name = township.name + rng.pick(DemoNames.villageStems) + rng.pick(DemoNames.villageSuffixes) + suffix
            if !usedNames.contains(Self.fingerprint(name)) { break }
        }
        return name
    }

    /// The 64-bit FNV-1a hash of the UTF-8 bytes of `text`.
    private static func fingerprint(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
        }
        return hash
    }

    private static func move(_ point: Coordinate, turns: Double, radius: Double) -> Coordinate {
        let (sine, cosine) = PortableMath.sinCos(turns: turns)
        return Coordinate(
            longitude: min(max(point.longitude + radius * cosine, 100), 122),
            latitude: min(max(point.latitude + radius * sine, 22), 42))
    }

    // MARK: - One school

    /// Draws a school's figures and appends it; returns its code.
    @discardableResult
    private mutating func addSchool(
        name: String, type: SchoolType, locality: Locality, setting: Setting,
        ownership: Ownership = .public, flagship: Bool = false, parent: String? = nil, near: Coordinate? = nil,
        spread: Double = 0.01, primary: Int = 0, junior: Int = 0, senior: Int = 0
    ) -> String {
        let code = "2" + county.code + DemoNames.padded(rows.count + 1, width: 3)
        usedNames.insert(Self.fingerprint(name))
        let isPrivate = ownership == .private

        var primaryRecord = StageRecord()
        var juniorRecord = StageRecord()
        var parts: [(stage: Stage, students: Int, classes: Int)] = []
        if primary > 0 {
            primaryRecord = stageRecord(.primary, students: primary, locality: locality, setting: setting,
                                        isPrivate: isPrivate, flagship: flagship)
            parts.append((.primary, primary, primaryRecord.classes ?? 1))
        }
        if junior > 0 {
            juniorRecord = stageRecord(.junior, students: junior, locality: locality, setting: setting,
                                       isPrivate: isPrivate, flagship: flagship)
            parts.append((.junior, junior, juniorRecord.classes ?? 1))
        }
        if senior > 0 {
            parts.append((.senior, senior, (senior + 49) / 50))
        }
        let compulsoryClasses = (primaryRecord.classes ?? 0) + (juniorRecord.classes ?? 0)
        let facilities = facilities(parts: parts, compulsoryClasses: compulsoryClasses, locality: locality,
                                    setting: setting, isPrivate: isPrivate)
        let (publicFunds, trainingFunds) = funds(primary: primary, junior: junior, senior: senior, setting: setting)

        var coordinate: Coordinate?
        if !rng.chance(0.02) {
            let point = setting == .seat || setting == .special
                ? Self.move(county.centre, turns: rng.uniform(), radius: rng.uniform(0, 0.045))
                : Self.move(near ?? county.centre, turns: rng.uniform(), radius: rng.uniform(spread * 0.2, spread))
            coordinate = Coordinate(longitude: Self.rounded(point.longitude, 6), latitude: Self.rounded(point.latitude, 6))
        }
        let boarding: Bool = switch setting {
        case .seat: type == .twelveYear ? isPrivate && rng.chance(0.5) : rng.chance(0.03)
        case .township: rng.chance(type == .primary ? 0.3 : 0.6)
        case .village: rng.chance(0.05)
        case .teachingPoint: false
        case .special: rng.chance(0.6)
        }

        rows.append(SchoolYear(
            year: year, countyCode: county.code, countyName: county.name, schoolCode: code,
            schoolName: name, type: type, parentSchoolCode: parent, locality: locality,
            ownership: ownership, boarding: boarding, coordinate: coordinate,
            primary: primaryRecord, junior: juniorRecord, seniorStudents: senior > 0 ? senior : nil,
            facilities: facilities, publicFunds: publicFunds, trainingFunds: trainingFunds))
        return code
    }

    /// How far a locality's schools are from the county seat's, 0 (urban) to 1 (rural).
    private static func gap(_ locality: Locality) -> Double {
        switch locality {
        case .urban: 0
        case .town: 0.45
        case .rural: 1
        }
    }

    private mutating func stageRecord(
        _ stage: Stage, students n: Int, locality: Locality, setting: Setting, isPrivate: Bool, flagship: Bool
    ) -> StageRecord {
        let e = county.effectiveDevelopment
        let b = county.balance
        let g = Self.gap(locality)
        let primary = stage == .primary
        let capped = policies.capsClassSize

        // Class size and classes.
        let classSize: Double = switch (setting, locality) {
        case (.special, _): rng.uniform(8, 12)
        case (.teachingPoint, _): rng.uniform(6, 20)
        case (.village, _): rng.uniform(12, 32)
        case (_, .urban) where isPrivate: rng.uniform(38, primary ? 44.9 : 49.9)
        case (_, .urban): primary ? (capped ? rng.uniform(40, 44.9) : rng.uniform(45, 54))
            : (capped ? rng.uniform(44, 49.9) : rng.uniform(48, 56))
        case (_, .town): primary ? (capped ? rng.uniform(36, 44.9) : rng.uniform(38, 50))
            : (capped ? rng.uniform(40, 49.9) : rng.uniform(42, 54))
        case (_, .rural): primary ? rng.uniform(26, 40) : rng.uniform(30, 46)
        }
        let minimumClasses = switch setting {
        case .teachingPoint, .special: 1
        default: min(primary ? 6 : 3, (n + 7) / 8)
        }
        let classes = max(Int((Double(n) / classSize).rounded(.up)), minimumClasses, 1)
        let average = (n + classes - 1) / classes
        let cap = primary ? 45 : 50
        let extra = capped ? (cap > average ? rng.integer(in: 0...min(8, cap - average)) : 0) : rng.integer(in: 0...8)
        let largestClass = min(n, average + extra)

        // Teachers.
        let ratio: Double = switch (setting, locality) {
        case (.special, _): rng.uniform(3, 5)
        case (.teachingPoint, _), (.village, _): rng.uniform(8, 13)
        case (_, .urban) where isPrivate: rng.uniform(17, 22) * (primary ? 1 : 0.72)
        case (_, .urban): primary ? rng.lognormal(median: 20.5 - 5.5 * e, sigma: 0.06)
            : rng.lognormal(median: 15 - 3 * e, sigma: 0.06)
        case (_, .town): primary ? rng.lognormal(median: 18.5 - 4 * e, sigma: 0.07)
            : rng.lognormal(median: 14 - 2.5 * e, sigma: 0.07)
        case (_, .rural): primary ? rng.uniform(12, 15.5) : rng.uniform(9.5, 12.5)
        }
        let perClass = setting == .teachingPoint || setting == .special ? 0.5 : (primary ? 1.2 : 2.4)
        let teachers = max(Int((Double(n) / ratio).rounded()), Int((Double(classes) * perClass).rounded(.up)), 1)
        let t = Double(teachers)
        let gapWeight = (1 - b) * g
        let noiseWeight = 1 - b

        let qualifiedShare = (primary ? 0.93 + 0.06 * e - 0.12 * gapWeight : 0.84 + 0.13 * e - 0.15 * gapWeight)
            + rng.normal(sd: 0.02 + 0.02 * noiseWeight)
        // Backbone teachers gather in the seat's flagship (实验) schools and thin out in the
        // country, the more so the less balanced the county.
        var backboneShare = (primary ? 0.07 : 0.08) + 0.15 * e
        backboneShare *= max(0.1, 1 - 1.3 * gapWeight)
            * rng.lognormal(median: 1, sigma: 0.25 + 0.5 * noiseWeight)
        if flagship { backboneShare *= 1 + noiseWeight }
        if isPrivate { backboneShare *= 0.35 }
        let peArtShare = ((primary ? 0.09 : 0.08) + 0.10 * e) * (1 - 0.5 * gapWeight)
            * rng.lognormal(median: 1, sigma: 0.10 + 0.15 * noiseWeight)
        let seniorShare = 0.35 + 0.25 * e - 0.08 * g + rng.normal(sd: 0.05)

        func count(_ share: Double) -> Int {
            min(max(Int((t * share).rounded()), 0), teachers)
        }
        var backbone = count(backboneShare)
        var peArt = count(peArtShare)
        if peArt == 0, policies.peArtPerSchool, teachers >= 3 { peArt = 1 }
        if policies.staffsToStandard {
            backbone = min(max(backbone, (n + 99) / 100), teachers)
            peArt = min(max(peArt, (9 * n + 999) / 1000), teachers)
        }

        return StageRecord(
            students: n, classes: classes, largestClass: largestClass, teachers: teachers,
            qualifiedTeachers: count(min(max(qualifiedShare, 0.5), 1)), backboneTeachers: backbone,
            peArtTeachers: peArt, seniorTitleTeachers: count(min(max(seniorShare, 0.1), 0.9)))
    }

    private mutating func facilities(
        parts: [(stage: Stage, students: Int, classes: Int)], compulsoryClasses: Int, locality: Locality,
        setting: Setting, isPrivate: Bool
    ) -> Facilities {
        let e = county.effectiveDevelopment
        let b = county.balance
        let g = Self.gap(locality)
        let spread = 1 - b
        var total = 0
        for part in parts { total += part.students }
        // Small schools have more space and equipment per pupil: up to +35 % (areas) at 0 pupils.
        let smallness = total < 400 ? Double(400 - total) / 400 : 0

        var teaching = 0.0, sports = 0.0, equipment = 0.0, multimedia = 0, computers = 0.0, books = 0.0
        let schoolTeaching = rng.lognormal(median: 1, sigma: 0.06 + 0.14 * spread)
        let schoolSports = rng.lognormal(median: 1, sigma: 0.07 + 0.12 * spread)
        let schoolEquipment = rng.lognormal(median: 1, sigma: 0.08 + 0.17 * spread)
        let schoolRooms = rng.lognormal(median: 1, sigma: 0.05 + 0.08 * spread)
        let computersPerStudent = rng.uniform(0.06, 0.1) + 0.08 * e
        let booksPerStudent = rng.uniform(20, 32) + 6 * e
        for part in parts {
            let n = Double(part.students)
            let (teachingBase, sportsBase, equipmentBase, booksFactor): (Double, Double, Double, Double) = switch part.stage {
            case .primary: (3.5 + 2.3 * e, 3.8 + 6.0 * e, 1500 + 2500 * e, 1)
            case .junior: (4.4 + 3.0 * e, 5.2 + 8.1 * e, 1900 + 2900 * e, 1.3)
            case .senior: ((4.4 + 3.0 * e) * 1.15, (5.2 + 8.1 * e) * 1.1, (1900 + 2900 * e) * 1.2, 1.5)
            }
            if setting == .special {
                teaching += n * rng.uniform(15, 30)
                sports += n * rng.uniform(10, 20)
                equipment += n * rng.uniform(5000, 12000)
            } else {
                teaching += n * teachingBase * (1 + (0.35 + 1.3 * spread) * g) * (1 + 0.35 * smallness) * schoolTeaching
                sports += n * sportsBase * (1 + (0.8 + 1.3 * spread) * g) * (1 + 0.5 * smallness) * schoolSports
                equipment += n * equipmentBase * (1 + 0.1 * g - 0.3 * spread * g) * (1 + 0.2 * smallness)
                    * schoolEquipment * (isPrivate ? 1.15 : 1)
            }
            let roomsPerClass = (0.9 + 0.4 * e) * (1 - 0.3 * spread * g) * schoolRooms
            multimedia += Int((Double(part.classes) * roomsPerClass).rounded())
            computers += n * computersPerStudent
            books += n * booksPerStudent * booksFactor
        }

        var musicRooms = 0
        var artRooms = 0
        if setting != .teachingPoint && compulsoryClasses > 0 {
            let needed = max(1, (compulsoryClasses + 11) / 12)
            if policies.musicArtRooms {
                musicRooms = needed + (rng.chance(0.2) ? 1 : 0)
                artRooms = needed + (rng.chance(0.2) ? 1 : 0)
            } else {
                musicRooms = needed - (rng.chance(0.3) ? 1 : 0)
                artRooms = needed - (rng.chance(0.3) ? 1 : 0)
            }
        } else if setting == .teachingPoint {
            musicRooms = rng.chance(0.2) ? 1 : 0
            artRooms = musicRooms
        }
        return Facilities(
            teachingArea: teaching.rounded(), sportsArea: sports.rounded(), equipmentValue: equipment.rounded(),
            multimediaRooms: multimedia, computers: Int(computers.rounded()), books: Int(books.rounded()),
            musicRooms: musicRooms, artRooms: artRooms)
    }

    /// Public funds from the county's per-student quotas, and training funds as a share of them.
    private mutating func funds(primary: Int, junior: Int, senior: Int, setting: Setting) -> (Double, Double) {
        let total = primary + junior + senior
        var publicFunds: Double
        if setting == .special {
            publicFunds = Double(total) * (policies.specialFunding ? rng.uniform(6000, 9000) : rng.uniform(4200, 5900))
        } else {
            publicFunds = (Double(primary) * policies.fundsPrimary + Double(junior) * policies.fundsJunior
                + Double(senior) * policies.fundsSenior) * rng.uniform(1, 1.08)
            if total < 100 {
                let floor = policies.smallSchoolFloor ? 100.0 : Double(total)
                publicFunds = floor * policies.fundsPrimary * rng.uniform(1, 1.08)
            }
        }
        publicFunds = publicFunds.rounded()
        let share = policies.trainingFloor || !rng.chance(0.15) ? rng.uniform(0.05, 0.08) : rng.uniform(0.03, 0.05)
        return (publicFunds, (publicFunds * share).rounded(.up))
    }

    private static func rounded(_ value: Double, _ decimals: Int) -> Double {
        var factor = 1.0
        for _ in 0..<decimals { factor *= 10 }
        return (value * factor).rounded() / factor
    }
}

extension SeededGenerator {
    /// A triangular draw on [`lower`, `upper`] with its mode at `mode`.
    mutating func triangular(_ lower: Double, _ mode: Double, _ upper: Double) -> Double {
        let u = uniform()
        let cut = (mode - lower) / (upper - lower)
        return u < cut
            ? lower + ((upper - lower) * (mode - lower) * u).squareRoot()
            : upper - ((upper - lower) * (upper - mode) * (1 - u)).squareRoot()
    }
}
