extension Migration {
    /// Version 14: the remediation ledgers (``Storage/LedgerStore``): one row per item, its
    /// progress notes kept with it as a JSON array (they are only ever read with the item);
    /// one row per evidence file, its bytes as base64 text (both databases keep text alike),
    /// read one file at a time.
    static let ledger = Migration(version: 14, summary: "remediation ledgers and their evidence files") { flavor in
        let text = flavor.text, integer = flavor.integer, double = flavor.double
        let statuses = ["not_started", "in_progress", "completed", "verified"].map { "'\($0)'" }.joined(separator: ", ")
        return [
            """
            CREATE TABLE \(Tables.ledgerItems) (
              id \(flavor.identity),
              county_code \(text) NOT NULL,
              year \(integer) NOT NULL,
              gap_key \(text),
              school_code \(text),
              title \(text) NOT NULL CHECK (title <> ''),
              owner \(text) NOT NULL CHECK (owner <> ''),
              due \(text) NOT NULL,
              status \(text) NOT NULL CHECK (status IN (\(statuses))),
              created_by \(text) NOT NULL,
              created_at \(double) NOT NULL,
              notes \(text) NOT NULL
            )
            """,
            "CREATE INDEX ledger_items_by_county ON \(Tables.ledgerItems) (county_code)",
            """
            CREATE TABLE \(Tables.ledgerEvidence) (
              id \(flavor.identity),
              item_id \(integer) NOT NULL REFERENCES \(Tables.ledgerItems) (id),
              file_name \(text) NOT NULL CHECK (file_name <> ''),
              kind \(text) NOT NULL,
              size \(integer) NOT NULL CHECK (size > 0),
              sha256 \(text) NOT NULL,
              uploaded_by \(text) NOT NULL,
              uploaded_at \(double) NOT NULL,
              content \(text) NOT NULL
            )
            """,
            "CREATE INDEX ledger_evidence_by_item ON \(Tables.ledgerEvidence) (item_id)",
        ]
    }
}
