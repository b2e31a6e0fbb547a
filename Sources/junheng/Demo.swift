import ArgumentParser
import Demo
import Domain
import Foundation
import Interchange

/// `junheng demo`: writes realistic synthetic counties in the canonical formats, reproducible
/// by seed (the assumptions are documented on ``DemoGenerator`` and in the README).
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write synthetic demo counties (schools.csv, facts.csv, teachers.csv, blocks.csv, enrollment.csv, births.csv, quota.csv, children.csv, cohorts.csv and dropouts.csv) to a folder.")

    @Option(help: "The folder to write (created if missing).")
    var out: String

    @Option(help: "Seed of the random draws; the same seed writes the same files.")
    var seed: UInt64 = 1

    @Option(help: "How many counties to generate.")
    var counties = 1

    @Option(help: "The school year (its start).")
    var year = 2025

    @Option(help: "Header style: chinese (default, for people and Excel) or english (for scripts).")
    var headers: HeaderStyle = .chinese

    @Option(help: "Text encoding: utf8 (default), utf8-bom (for Excel) or gb18030.")
    var encoding: TextEncoding = .utf8

    @OptionGroup var language: LanguageOption

    func validate() throws {
        guard (1...100_000).contains(counties) else { throw ValidationError("--counties must be between 1 and 100000") }
        guard (1949...2100).contains(year) else { throw ValidationError("--year must be between 1949 and 2100") }
    }

    func run() throws {
        let language = try language.resolved()
        let generator = DemoGenerator(seed: seed, counties: counties, year: year)
        let data = generator.generate()
        let folder = URL(fileURLWithPath: out, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let schools = folder.appendingPathComponent("schools.csv")
        let facts = folder.appendingPathComponent("facts.csv")
        let teachersFile = folder.appendingPathComponent("teachers.csv")
        try Data(SchoolsWriter(headers: headers, encoding: encoding).write(data.schools)).write(to: schools)
        try Data(FactsWriter(headers: headers, encoding: encoding).write(data.facts)).write(to: facts)
        let teachers = generator.teachersWithClasses(of: data)
        try Data(TeachersWriter(headers: headers, encoding: encoding).write(teachers)).write(to: teachersFile)
        let zones = generator.zones(of: data)
        let blocks = folder.appendingPathComponent("blocks.csv")
        let enrollment = folder.appendingPathComponent("enrollment.csv")
        let births = folder.appendingPathComponent("births.csv")
        try Data(BlocksWriter(headers: headers, encoding: encoding).write(zones.blocks)).write(to: blocks)
        try Data(EnrollmentWriter(headers: headers, encoding: encoding).write(zones.enrollment)).write(to: enrollment)
        try Data(BirthsWriter(headers: headers, encoding: encoding).write(zones.births)).write(to: births)
        let quota = folder.appendingPathComponent("quota.csv")
        try Data(QuotaWriter(headers: headers, encoding: encoding).write(generator.quotas(of: data))).write(to: quota)
        let care = generator.care(of: data, teachers: teachers)
        let children = folder.appendingPathComponent("children.csv")
        try Data(ChildrenWriter(headers: headers, encoding: encoding).write(care.children)).write(to: children)
        try Data(CohortsWriter(headers: headers, encoding: encoding).write(care.cohorts)).write(to: folder.appendingPathComponent("cohorts.csv"))
        try Data(DropoutsWriter(headers: headers, encoding: encoding).write(care.dropouts)).write(to: folder.appendingPathComponent("dropouts.csv"))
        printError(language.pick(
            "已写入 \(data.schools.count) 所学校（\(counties) 个县）：\(schools.path)，县级事实：\(facts.path)，"
                + "\(teachers.count) 名教师：\(teachersFile.path)，\(zones.blocks.count) 个居住片区：\(blocks.path)，"
                + "分年级在校生：\(enrollment.path)，出生人口：\(births.path)，优质高中招生计划：\(quota.path)，"
                + "\(care.children.count) 名儿童的登记（合成姓名）：\(children.path)，以及 cohorts.csv、dropouts.csv",
            "wrote \(data.schools.count) schools in \(counties) counties to \(schools.path), county facts to \(facts.path), "
                + "\(teachers.count) teachers to \(teachersFile.path), \(zones.blocks.count) residential blocks to \(blocks.path), "
                + "enrollment by grade to \(enrollment.path), births to \(births.path), quality high schools' plans to \(quota.path), "
                + "a register of \(care.children.count) children (synthetic names) to \(children.path), with cohorts.csv and dropouts.csv"))
    }
}

extension HeaderStyle: ExpressibleByArgument {}
extension TextEncoding: ExpressibleByArgument {}
