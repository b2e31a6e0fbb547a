import Domain

extension Migration {
    /// Version 11: each county's care data (``Storage/CareDataStore``): the children register,
    /// one row per county, year and child id, each ``Domain/Child/Column`` kept as its
    /// canonical text (``Domain/Child/text(of:)``; NULL when not recorded); the dropout
    /// ledger, one row per case (county, child, opening date) and one per visit; the junior
    /// cohorts, one row per county, school and graduation year. The checks keep the bounds
    /// ``Storage/CheckedCareData`` keeps: a name and a birth date, flags 0 or 1, a grade 1–9,
    /// a case closed exactly when dated, cohorts that never go below nothing.
    static let careData = Migration(version: 11, summary: "children register, dropout ledger and cohorts of each county") { flavor in
        let text = flavor.text, integer = flavor.integer
        let columns = Child.Column.allCases.map { column -> String in
            let name = "\"\(column.rawValue)\" \(text)"
            switch column {
            case .name, .birthDate: return name + " NOT NULL CHECK (\"\(column.rawValue)\" <> '')"
            case .migrant, .poverty, .orphan: return name + " NOT NULL CHECK (\"\(column.rawValue)\" IN ('0', '1'))"
            case .leftBehind: return name + " NOT NULL CHECK (\"\(column.rawValue)\" IN ('0', '1', '2'))"
            case .grade: return name + " CHECK (\"\(column.rawValue)\" IN ('1', '2', '3', '4', '5', '6', '7', '8', '9'))"
            default: return name
            }
        }
        return [
            """
            CREATE TABLE \(Tables.children) (
              county_code \(text) NOT NULL,
              year \(integer) NOT NULL,
              child_id \(text) NOT NULL CHECK (child_id <> ''),
              \(columns.joined(separator: ",\n  ")),
              PRIMARY KEY (county_code, year, child_id)
            )
            """,
            """
            CREATE TABLE \(Tables.dropoutCases) (
              county_code \(text) NOT NULL,
              child_id \(text) NOT NULL CHECK (child_id <> ''),
              opened \(text) NOT NULL,
              school_code \(text),
              status \(text) NOT NULL,
              closed \(text),
              reason \(text),
              CHECK ((status IN ('returned', 'closed')) = (closed IS NOT NULL)),
              PRIMARY KEY (county_code, child_id, opened)
            )
            """,
            """
            CREATE TABLE \(Tables.dropoutVisits) (
              county_code \(text) NOT NULL,
              child_id \(text) NOT NULL,
              opened \(text) NOT NULL,
              position \(integer) NOT NULL,
              visit_date \(text) NOT NULL,
              visitor \(text) NOT NULL CHECK (visitor <> ''),
              outcome \(text) NOT NULL,
              PRIMARY KEY (county_code, child_id, opened, position)
            )
            """,
            """
            CREATE TABLE \(Tables.cohorts) (
              county_code \(text) NOT NULL,
              year \(integer) NOT NULL,
              school_code \(text) NOT NULL CHECK (school_code <> ''),
              entrants \(integer) NOT NULL CHECK (entrants >= 0),
              graduates \(integer) CHECK (graduates >= 0),
              transfers_in \(integer) NOT NULL CHECK (transfers_in >= 0),
              transfers_out \(integer) NOT NULL CHECK (transfers_out >= 0),
              deaths \(integer) NOT NULL CHECK (deaths >= 0),
              CHECK (entrants + transfers_in - transfers_out - deaths >= COALESCE(graduates, 0)),
              PRIMARY KEY (county_code, year, school_code)
            )
            """,
        ]
    }
}
