import Foundation
import Interchange
import Spreadsheet
import Testing

/// `junheng plan invest` as a planner runs it, on demo counties from `junheng demo`.
@Suite("junheng plan invest, end to end")
struct PlanCommandTests {
    /// A demo file of two counties, and the code of one whose resource part fails (it needs a plan).
    struct Demo {
        var folder: URL
        var schools: String
        var counties: [String]
        var failing: String
    }

    static func demo() throws -> Demo {
        let folder = try CommandRunner.temporaryFolder()
        let made = try CommandRunner.run(["demo", "--out", folder.path, "--counties", "2", "--seed", "1"])
        #expect(made.status == 0, "\(made.stderr)")
        let schools = folder.appendingPathComponent("schools.csv").path
        let rows = try String(contentsOfFile: schools, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst()
        let counties = Set(rows.map { String($0.split(separator: ",")[1]) }).sorted()
        var failing: String?
        for county in counties {
            let json = try CommandRunner.run(["plan", "invest", schools, "--county", county, "--format", "json"])
            let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
            if (object["items"] as? [Any])?.isEmpty == false { failing = county }
        }
        return Demo(folder: folder, schools: schools, counties: counties, failing: try #require(failing, "a demo county that needs a plan"))
    }

    @Test func theTableMentionsThePlanAndJSONPassesAfterIt() throws {
        let demo = try Self.demo()
        let table = try CommandRunner.run(["plan", "invest", demo.schools, "--county", demo.failing])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.text.hasPrefix("资源配置达标投入方案"))
        #expect(table.text.contains("\n县区：\(demo.failing) "))
        #expect(table.text.contains("\n方案后资源配置：达标（"))
        #expect(table.text.contains("投入方案："))
        #expect(table.text.contains("差异系数（方案前 → 方案后）"))

        let english = try CommandRunner.run(["plan", "invest", demo.schools, "--county", demo.failing, "--lang", "en"])
        #expect(english.text.contains("Resources before: fail ("))

        let json = try CommandRunner.run(["plan", "invest", demo.schools, "--county", demo.failing, "--year", "2025", "--format", "json"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        #expect(object["county_code"] as? String == demo.failing)
        #expect((object["before"] as? [String: Any])?["verdict"] as? String == "fail")
        #expect((object["after"] as? [String: Any])?["verdict"] as? String == "pass")
        let items = try #require(object["items"] as? [[String: Any]])
        let cost = try #require(object["cost"] as? Double)
        #expect(abs(items.reduce(0) { $0 + ($1["cost"] as? Double ?? 0) } - cost) <= 1e-6 * cost)

        let csv = try CommandRunner.run(["plan", "invest", demo.schools, "--county", demo.failing, "--format", "csv"])
        #expect(csv.status == 0)
        let lines = csv.text.split(separator: "\r\n")
        #expect(lines.first?.hasPrefix("county_code,data_year,school_code,") == true)
        #expect(lines.count == 1 + items.count)
    }

    @Test func aBudgetGivesAScheduleNeverOverBudget() throws {
        let demo = try Self.demo()
        let plain = try CommandRunner.run(["plan", "invest", demo.schools, "--county", demo.failing, "--format", "json"])
        let cost = try #require((try JSONSerialization.jsonObject(with: plain.stdout) as? [String: Any])?["cost"] as? Double)
        let yearly = (cost / 2.5).rounded(.up)
        let budget = try CommandRunner.write("年度,预算\n2026,\(yearly)\n2027,\(yearly)\n2028,\(yearly)\n", to: "budget.csv", in: demo.folder)

        let json = try CommandRunner.run(["plan", "invest", demo.schools, "--county", demo.failing, "--budget", budget, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        let schedule = try #require(object["schedule"] as? [String: Any])
        let years = try #require(schedule["years"] as? [[String: Any]])
        #expect(years.map { $0["year"] as? Int } == [2026, 2027, 2028])
        for year in years {
            let spent = try #require(year["spent"] as? Double), budget = try #require(year["budget"] as? Double)
            #expect(spent <= budget, "\(year)")
        }
        let items = try #require(object["items"] as? [[String: Any]])
        let scheduled = items.filter { $0["year"] is Int }
        #expect(scheduled.count == years.reduce(0) { $0 + ($1["item_count"] as? Int ?? 0) })
        #expect(!scheduled.isEmpty)

        let table = try CommandRunner.run(["plan", "invest", demo.schools, "--county", demo.failing, "--budget", budget])
        #expect(table.text.contains("年度安排："))
        let csv = try CommandRunner.run(["plan", "invest", demo.schools, "--county", demo.failing, "--budget", budget, "--format", "csv"])
        let rows = csv.text.split(separator: "\r\n").dropFirst()
        // The year is the 14th column, empty for an unscheduled item.
        #expect(rows.filter { $0.split(separator: ",", omittingEmptySubsequences: false).dropLast(2).last != "" }.count == scheduled.count)
    }

    @Test func refusedCostsAndBudgetFilesExit65WithRowAndColumn() throws {
        let demo = try Self.demo()
        let costs = try CommandRunner.write("item,unit,unit_cost\nteaching_area,m2,4000\nsports_area,元,300\nbooks,册,-1\n", to: "costs.csv", in: demo.folder)
        let refused = try CommandRunner.run(["plan", "invest", demo.schools, "--county", demo.failing, "--costs", costs, "--lang", "en"])
        #expect(refused.status == 65)
        #expect(refused.stdout.isEmpty)
        #expect(refused.errorLines == [
            "\(costs):3:unit: sports_area is priced per 'm²' (or m2, m^2, ㎡, 平方米, sqm), not '元'",
            "\(costs):4:unit_cost: must not be negative",
        ])

        let budget = try CommandRunner.write("年度,预算\n2026,0\n", to: "budget.csv", in: demo.folder)
        let badBudget = try CommandRunner.run(["plan", "invest", demo.schools, "--county", demo.failing, "--budget", budget])
        #expect(badBudget.status == 65)
        #expect(badBudget.stderr.contains("\(budget):2:预算: 预算须大于0元"))
        let empty = try CommandRunner.write("year,budget\n", to: "empty.csv", in: demo.folder)
        let noYear = try CommandRunner.run(["plan", "invest", demo.schools, "--county", demo.failing, "--budget", empty, "--lang", "en"])
        #expect(noYear.status == 65)
        #expect(noYear.errorLines == ["\(empty): the budget file has no year"])

        let good = try CommandRunner.write("项目,单位,单价\n体育运动场馆面积,平方米,450\n", to: "good.csv", in: demo.folder)
        let priced = try CommandRunner.run(["plan", "invest", demo.schools, "--county", demo.failing, "--costs", good, "--format", "csv"])
        #expect(priced.status == 0, "\(priced.stderr)")
        let sports = priced.text.split(separator: "\r\n").filter { $0.contains(",sports_area,") }
        #expect(sports.allSatisfy { $0.contains(",m²,450,") })
    }

    @Test func severalCountiesNeedAChoice() throws {
        let demo = try Self.demo()
        #expect(demo.counties.count == 2)
        let result = try CommandRunner.run(["plan", "invest", demo.schools])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        for county in demo.counties {
            #expect(result.stderr.contains(county), "\(result.stderr)")
        }
        #expect(result.stderr.contains("--county"))
        let none = try CommandRunner.run(["plan", "invest", demo.schools, "--county", "999999"])
        #expect(none.status == 64)
        let basic = try CommandRunner.run(["plan", "invest", demo.schools, "--county", demo.failing, "--standard", "basic-2012"])
        #expect(basic.status == 65)
        #expect(basic.stderr.contains("quality-2017"))
        let badOut = try CommandRunner.run(["plan", "invest", demo.schools, "--county", demo.failing, "--out", "plan.pdf"])
        #expect(badOut.status == 64)
    }

    @Test func outWritesTheWorkbook() throws {
        let demo = try Self.demo()
        let out = demo.folder.appendingPathComponent("plan.xlsx").path
        let budget = try CommandRunner.write("year,budget\n2026,1000000\n", to: "budget.csv", in: demo.folder)
        let result = try CommandRunner.run(["plan", "invest", demo.schools, "--county", demo.failing, "--budget", budget, "--out", out, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let items = try #require(object["items"] as? [Any])
        let book = try XLSXWorkbook(bytes: [UInt8](Data(contentsOf: URL(fileURLWithPath: out))), file: out)
        #expect(book.sheetNames == ["汇总", "差距", "措施", "方案", "差异系数", "年度安排"])
        #expect(try book.sheet(named: "方案").rows.count == 1 + items.count)

        let unwritable = try CommandRunner.run(["plan", "invest", demo.schools, "--county", demo.failing, "--out", "/nonexistent/folder/plan.xlsx"])
        #expect(unwritable.status == 73)
        #expect(unwritable.stdout.isEmpty)
    }

    @Test func teachersMakeRotationTheFirstLeverAndPostsRecur() throws {
        let demo = try Self.demo()
        let teachers = demo.folder.appendingPathComponent("teachers.csv").path
        let costs = try CommandRunner.write(
            "项目,单位,单价,每年限额\n县级以上骨干教师,人,8000,10\n体育、艺术（美术、音乐）专任教师,人·年,90000,\n", to: "levers.csv", in: demo.folder)
        let run = try CommandRunner.run([
            "plan", "invest", demo.schools, "--county", demo.failing, "--teachers", teachers, "--costs", costs,
            "--post-years", "3", "--format", "json",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        let items = try #require(object["items"] as? [[String: Any]])
        let levers = Set(items.compactMap { $0["lever"] as? String })
        #expect(levers.contains("rotation") && levers.isSubset(of: ["rotation", "training", "post", "purchase"]))
        let rotation = try #require(object["rotation"] as? [String: Any])
        #expect((rotation["movers"] as? Int ?? 0) >= (rotation["required_movers"] as? Int ?? 1))
        #expect(object["post_years"] as? Double == 3)
        let cost = try #require(object["cost"] as? Double), yearly = try #require(object["yearly_cost"] as? Double)
        #expect(abs((object["weighed_cost"] as? Double ?? 0) - (cost + 3 * yearly)) <= 1e-6)
        for item in items {
            let lever = item["lever"] as? String, amount = item["amount"] as? Double ?? 0
            switch lever {
            case "rotation": #expect(item["cost"] as? Double == 0 && item["yearly_cost"] as? Double == 0)
            case "training": #expect(item["unit_cost"] as? Double == 8000 && item["cost"] as? Double == 8000 * amount)
            case "post":
                #expect(item["cost"] as? Double == 0 && item["yearly_cost"] as? Double == amount * (item["unit_cost"] as? Double ?? -1))
                if item["resource"] as? String == "pe_art_teachers" { #expect(item["unit_cost"] as? Double == 90_000) }
            default: #expect(item["yearly_cost"] as? Double == 0)
            }
        }
        // Without the teachers file there is no rotation lever.
        let plain = try CommandRunner.run(["plan", "invest", demo.schools, "--county", demo.failing, "--format", "json"])
        let without = try #require(try JSONSerialization.jsonObject(with: plain.stdout) as? [String: Any])
        #expect(without["rotation"] is NSNull)
        #expect((without["items"] as? [[String: Any]])?.contains { $0["lever"] as? String == "rotation" } == false)
        // A post-years figure out of range is bad usage.
        let bad = try CommandRunner.run(["plan", "invest", demo.schools, "--county", demo.failing, "--post-years", "0"])
        #expect(bad.status == 64)
        // A yearly capacity that is not whole for teachers is refused at its cell.
        let refused = try CommandRunner.write("item,unit,unit_cost,yearly_capacity\nbackbone_teachers,人,8000,2.5\n", to: "bad-levers.csv", in: demo.folder)
        let no = try CommandRunner.run(["plan", "invest", demo.schools, "--county", demo.failing, "--costs", refused, "--lang", "en"])
        #expect(no.status == 65)
        #expect(no.stderr.contains("bad-levers.csv:2:yearly_capacity: backbone_teachers is added whole; the yearly capacity cannot be 2.5"), "\(no.stderr)")
    }
}
