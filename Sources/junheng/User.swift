import ArgumentParser
import Foundation
import Storage
import StorageSQL
import UseCases
import Web

/// `junheng user`: accounts of the web application.
struct User: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the web application's accounts.",
        subcommands: [Add.self, List.self]
    )

    /// `junheng user add NAME --role ROLE [--county CODE]… [--school CODE]`; the password on stdin.
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an account; the password is read from standard input (first line, at least 8 characters).",
            discussion: """
            Roles: admin (everything), planner (one county: --county), supervisor (read-only, one or more \
            counties: --county repeated), clerk (one school: --county and --school), care_officer (关爱帮扶专员: the only \
            role that sees children's names — one county, or one school of it with --school). Example:
              printf '%s\\n' "$PASSWORD" | junheng user add 李规划 --role planner --county 320281
            """
        )

        @Argument(help: "The sign-in name.")
        var name: String

        @Option(help: "admin, planner, supervisor, clerk or care_officer.")
        var role: String

        @Option(name: .customLong("county"), help: "A county code (6 digits); repeat for a supervisor's counties.")
        var counties: [String] = []

        @Option(help: "A clerk's school (学校标识码), or a care officer's when they care for one school's children.")
        var school: String?

        @Option(help: "bcrypt cost (default 12).")
        var cost: UInt8 = 12

        @OptionGroup var database: DatabaseOption

        func run() async throws {
            guard let role = Role(rawValue: role) else {
                throw ValidationError("--role must be admin, planner, supervisor, clerk or care_officer, not '\(role)'")
            }
            guard (4...31).contains(cost) else { throw ValidationError("--cost must be 4…31") }
            guard let line = readLine(strippingNewline: true), line.count >= 8 else {
                printError("the password (first line of standard input) must have at least 8 characters")
                throw ExitStatus.usage
            }
            let hash = try await PasswordHasher(cost: cost).hash(line)
            let new: NewAccount
            do {
                new = try NewAccount(name: name, role: role, counties: counties, schoolCode: school, passwordHash: hash)
            } catch {
                throw ValidationError(error.description)
            }
            let store = try await database.openServer()
            do {
                if let refusal = try await AccountScope.problem(counties: new.counties, school: new.schoolCode, store: store, language: .english) {
                    try? await store.shutdown()
                    printError(refusal)
                    throw ExitStatus.usage
                }
                let account = try await store.createAccount(new, at: Date())
                try await store.shutdown()
                writeOutput("added \(account.name) (\(account.role.rawValue)\(account.counties.isEmpty ? "" : " " + account.counties.joined(separator: ","))\(account.schoolCode.map { " school " + $0 } ?? ""))\n")
            } catch let exit as ExitCode {
                throw exit
            } catch let error as StoreError where error.isDuplicate {
                try? await store.shutdown()
                printError("an account named \(new.name) exists already")
                throw ExitStatus.usage
            } catch {
                try? await store.shutdown()
                throw error
            }
        }
    }

    /// `junheng user list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the accounts.")

        @OptionGroup var database: DatabaseOption

        func run() async throws {
            let store = try await database.openServer()
            let accounts = try await store.accounts()
            try await store.shutdown()
            for account in accounts {
                let scope = account.counties.joined(separator: ",") + (account.schoolCode.map { " " + $0 } ?? "")
                writeOutput("\(account.name)\t\(account.role.rawValue)\t\(scope)\n")
            }
        }
    }
}
