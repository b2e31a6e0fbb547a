extension Migration {
    /// Version 15: whether an account is turned off (停用, ``Storage/Account/disabled``); every
    /// account of a migrated database starts on.
    static let accountDisabled = Migration(version: 15, summary: "accounts may be turned off") { flavor in
        ["ALTER TABLE \(Tables.accounts) ADD COLUMN disabled \(flavor.boolean) NOT NULL DEFAULT FALSE"]
    }
}
