import Domain

extension Migration {
    /// Version 1: the school rows, county facts, locks, the append-only audit trail,
    /// accounts and sessions.
    ///
    /// `school_years` gets a column per field of ``Domain/SchoolField`` as the catalogue
    /// stood at version 1 (``SchoolYearsTable/fields(addedIn:)``). A field added to the
    /// catalogue later has its own migration (`ALTER TABLE school_years ADD COLUMN …`, e.g.
    /// ``schoolCapacity``) and is left out here, or a new database would get the column
    /// twice; `SQLStoreTests` checks that the migrated table's columns are exactly the
    /// catalogue's.
    static let initialSchema = Migration(version: 1, summary: "initial schema") { flavor in
        let text = flavor.text, integer = flavor.integer, double = flavor.double
        let schoolColumns = SchoolYearsTable.columnDefinitions(SchoolYearsTable.fields(addedIn: 1), flavor)
        return [
            """
            CREATE TABLE \(SchoolYearsTable.name) (
              \(schoolColumns.joined(separator: ",\n  ")),
              PRIMARY KEY (\(SchoolYearsTable.key.joined(separator: ", ")))
            )
            """,
            // A county's year: the evaluation's and the lock's unit.
            "CREATE INDEX school_years_county_year ON \(SchoolYearsTable.name) (county_code, year)",

            // A fact holds a yes/no answer or a number, never both.
            """
            CREATE TABLE \(Tables.countyFacts) (
              year \(integer) NOT NULL,
              county_code \(text) NOT NULL,
              item \(text) NOT NULL,
              answer \(text) CHECK (answer IN ('yes', 'no')),
              number \(double),
              evidence \(text),
              PRIMARY KEY (year, county_code, item),
              CHECK ((answer IS NULL) <> (number IS NULL))
            )
            """,

            """
            CREATE TABLE \(Tables.yearLocks) (
              county_code \(text) NOT NULL,
              year \(integer) NOT NULL,
              locked_by \(text) NOT NULL,
              locked_at \(double) NOT NULL,
              PRIMARY KEY (county_code, year)
            )
            """,

            """
            CREATE TABLE \(Tables.auditEntries) (
              id \(flavor.identity),
              recorded_at \(double) NOT NULL,
              account_name \(text) NOT NULL,
              action \(text) NOT NULL,
              county_code \(text) NOT NULL,
              year \(integer) NOT NULL,
              school_code \(text),
              field \(text),
              old_value \(text),
              new_value \(text),
              note \(text)
            )
            """,
            // The trail's pages: a county's (planners, supervisors) and a school's, newest first.
            "CREATE INDEX audit_entries_county_year ON \(Tables.auditEntries) (county_code, year, id)",
            "CREATE INDEX audit_entries_school ON \(Tables.auditEntries) (school_code, id)",
        ] + AuditTrailGuard.statements(flavor) + [
            // `counties`: comma-separated county codes (6 digits each, so no escaping).
            """
            CREATE TABLE \(Tables.accounts) (
              id \(flavor.identity),
              name \(text) NOT NULL UNIQUE,
              role \(text) NOT NULL,
              counties \(text) NOT NULL,
              school_code \(text),
              password_hash \(text) NOT NULL,
              created_at \(double) NOT NULL
            )
            """,

            """
            CREATE TABLE \(Tables.sessions) (
              token_hash \(text) PRIMARY KEY,
              account_id \(integer) NOT NULL REFERENCES \(Tables.accounts) (id) ON DELETE CASCADE,
              csrf_token \(text) NOT NULL,
              created_at \(double) NOT NULL,
              expires_at \(double) NOT NULL
            )
            """,
            "CREATE INDEX sessions_expires_at ON \(Tables.sessions) (expires_at)",
        ]
    }
}
