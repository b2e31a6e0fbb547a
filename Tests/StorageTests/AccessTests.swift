import Storage
import Testing

@Suite("Permissions by role and scope")
struct AccessTests {
    func account(_ role: Role, counties: [String] = [], school: String? = nil) -> Account {
        Account(id: 1, name: "x", role: role, counties: counties, schoolCode: school, passwordHash: "", createdAt: .init())
    }

    @Test func plannerWorksOnOwnCountyOnly() {
        let planner = account(.planner, counties: ["320281"])
        #expect(planner.may(.readCounty("320281")) && planner.may(.editSchool(county: "320281", school: "A")))
        #expect(planner.may(.lockYear(county: "320281")) && planner.may(.readAudit(county: "320281")))
        #expect(!planner.may(.readCounty("320282")) && !planner.may(.editSchool(county: "320282", school: "A")))
        #expect(!planner.may(.unlockYear) && !planner.may(.manageAccounts) && !planner.may(.readProvince))
    }

    @Test func supervisorReadsListedCountiesAndNeverWrites() {
        let supervisor = account(.supervisor, counties: ["320281", "320282"])
        #expect(supervisor.may(.readCounty("320282")) && supervisor.may(.readAudit(county: "320281")))
        #expect(supervisor.may(.readSchool(county: "320281", school: "A")) && supervisor.may(.readProvince))
        #expect(!supervisor.may(.readCounty("110101")))
        #expect(!supervisor.may(.editSchool(county: "320281", school: "A")) && !supervisor.may(.importInto(county: "320281")))
        #expect(!supervisor.may(.lockYear(county: "320281")))
    }

    @Test func clerkSeesOnlyTheirSchool() {
        let clerk = account(.clerk, counties: ["320281"], school: "A")
        #expect(clerk.may(.readSchool(county: "320281", school: "A")) && clerk.may(.editSchool(county: "320281", school: "A")))
        #expect(!clerk.may(.readSchool(county: "320281", school: "B")) && !clerk.may(.editSchool(county: "320281", school: "B")))
        #expect(!clerk.may(.readSchool(county: "320282", school: "A")))
        #expect(!clerk.may(.readCounty("320281")) && !clerk.may(.readAudit(county: "320281")) && !clerk.may(.lockYear(county: "320281")))
    }

    /// Unit costs price the county's whole plan: its planner and administrators set them.
    @Test func onlyThePlannerOfTheCountyAndAdminsSetUnitCosts() {
        #expect(account(.planner, counties: ["320281"]).may(.setUnitCosts(county: "320281")))
        #expect(!account(.planner, counties: ["320281"]).may(.setUnitCosts(county: "320282")))
        #expect(!account(.supervisor, counties: ["320281"]).may(.setUnitCosts(county: "320281")))
        #expect(!account(.clerk, counties: ["320281"], school: "A").may(.setUnitCosts(county: "320281")))
        #expect(account(.admin).may(.setUnitCosts(county: "320281")))
    }

    /// The zoning data decides the whole county's zones and items 13 and 15: like the unit
    /// costs, its planner and administrators replace it; a clerk, who imports their school's
    /// rows, does not.
    @Test func onlyThePlannerOfTheCountyAndAdminsReplaceZoningData() {
        #expect(account(.planner, counties: ["320281"]).may(.editZoneData(county: "320281")))
        #expect(!account(.planner, counties: ["320281"]).may(.editZoneData(county: "320282")))
        #expect(!account(.supervisor, counties: ["320281"]).may(.editZoneData(county: "320281")))
        #expect(!account(.clerk, counties: ["320281"], school: "A").may(.editZoneData(county: "320281")))
        #expect(account(.clerk, counties: ["320281"], school: "A").may(.importInto(county: "320281")))
        #expect(account(.admin).may(.editZoneData(county: "320281")))
    }

    @Test func adminMayEverything() {
        let admin = account(.admin)
        #expect(admin.may(.manageAccounts) && admin.may(.unlockYear) && admin.may(.readCounty("999999")))
    }

    /// Names are the care officer's alone: of the county, or of their school; the others see
    /// counts and rates (PIPL Art. 28: access by need). An administrator may import a register
    /// but not read it unmasked.
    @Test func onlyCareOfficersSeeChildrensNames() throws {
        let county = account(.careOfficer, counties: ["320281"])
        let teacher = account(.careOfficer, counties: ["320281"], school: "S1")
        #expect(county.may(.readChildren(county: "320281", school: nil)) && county.may(.readChildren(county: "320281", school: "S2")))
        #expect(county.may(.editCareData(county: "320281", school: nil)) && county.may(.readCounty("320281")))
        #expect(!county.may(.readChildren(county: "320282", school: nil)) && !county.may(.editSchool(county: "320281", school: "S1")))
        #expect(!county.may(.importInto(county: "320281")) && !county.may(.readAudit(county: "320281")))
        #expect(teacher.may(.readChildren(county: "320281", school: "S1")) && teacher.may(.editCareData(county: "320281", school: "S1")))
        #expect(!teacher.may(.readChildren(county: "320281", school: "S2")) && !teacher.may(.readChildren(county: "320281", school: nil)))
        #expect(!teacher.may(.editCareData(county: "320281", school: nil)))
        for other in [account(.admin), account(.planner, counties: ["320281"]), account(.supervisor, counties: ["320281"]),
                      account(.clerk, counties: ["320281"], school: "S1")] {
            #expect(!other.may(.readChildren(county: "320281", school: "S1")) && !other.may(.readChildren(county: "320281", school: nil)))
        }
        #expect(account(.admin).may(.editCareData(county: "320281", school: nil)))
        #expect(!account(.planner, counties: ["320281"]).may(.editCareData(county: "320281", school: nil)))
        #expect(throws: AccountError.self) { try NewAccount(name: "c", role: .careOfficer, passwordHash: "h") }
        #expect(throws: AccountError.self) { try NewAccount(name: "c", role: .careOfficer, counties: ["320281"], schoolCode: "", passwordHash: "h") }
        #expect(try NewAccount(name: "c", role: .careOfficer, counties: ["320281"], schoolCode: "S1", passwordHash: "h").schoolCode == "S1")
    }

    @Test func newAccountChecksTheRolesScope() throws {
        #expect(throws: AccountError.self) { try NewAccount(name: "p", role: .planner, passwordHash: "h") }
        #expect(throws: AccountError.self) { try NewAccount(name: "p", role: .planner, counties: ["1", "2"], passwordHash: "h") }
        #expect(throws: AccountError.self) { try NewAccount(name: "s", role: .supervisor, passwordHash: "h") }
        #expect(throws: AccountError.self) { try NewAccount(name: "c", role: .clerk, counties: ["320281"], passwordHash: "h") }
        #expect(throws: AccountError.self) { try NewAccount(name: "a", role: .admin, counties: ["320281"], passwordHash: "h") }
        #expect(throws: AccountError.self) { try NewAccount(name: "  ", role: .admin, passwordHash: "h") }
        let supervisor = try NewAccount(name: " 王 ", role: .supervisor, counties: ["320282", "320281", "320282"], passwordHash: "h")
        #expect(supervisor.name == "王" && supervisor.counties == ["320281", "320282"])
    }
}
