/// Where Junheng keeps every county's yearly data, the locks, the audit trail, the accounts,
/// the sessions, the failed sign-ins, each county's unit costs and its zoning data (blocks, distances) — in domain terms, one protocol per aggregate; this
/// one is all of them, what a program that serves everything opens. Implementations:
/// ``InMemoryStore`` (tests), and the SQL store over SQLite or PostgreSQL (StorageSQL). One
/// contract test suite runs against all of them.
///
/// Every write is all or nothing: a method that throws has changed nothing. Writes that touch
/// a school's data refuse a locked (county, year) with ``StoreError/isLocked``, and record who
/// changed what in the audit trail in the same transaction. The trail can only grow: no
/// method changes or deletes an entry, and the SQL store's triggers refuse it too.
///
/// The store does not authorise: callers check ``Account/may(_:)`` first. It never computes
/// indicators either; it keeps Domain values.
///
/// A new aggregate (zones, registers, ledgers…) is a new protocol added here, not new
/// methods on an existing one; a caller that needs one aggregate holds just that protocol.
public protocol Store: SchoolDataStore, YearLockStore, AuditTrailStore, AccountStore, SessionStore, SignInFailureStore, UnitCostStore, CareDataStore,
    ZoneDataStore, PublicationStore, ReviewStore, LedgerStore, ClusterStore, PlanAdoptionStore {}
