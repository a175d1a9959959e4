import Foundation
import GtkKit
import QoimaCore
import QoimaStore

/// What every page of the SNT desk works with: the database, the own company at work, the
/// settings, and the clock (tests and the benchmark give their own). Holds no GTK types.
@MainActor
public final class DeskContext {
    public let database: QoimaDatabase
    public let company: OwnCompany
    public let settings: Settings
    public let now: @Sendable () -> Date

    public init(database: QoimaDatabase, company: OwnCompany, settings: Settings,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.company = company
        self.settings = settings
        self.now = now
    }

    /// Opens the database at `location` and picks the company last worked with (the first one
    /// otherwise). Nil when the database has no own company yet.
    public static func open(location: DatabaseLocation, settings: Settings) throws -> DeskContext? {
        let database = try QoimaDatabase(location: location)
        let companies = try CompanyStore(database: database).all()
        let remembered = settings.string("company-bin")
        guard let company = companies.first(where: { $0.bin == remembered }) ?? companies.first else { return nil }
        return DeskContext(database: database, company: company, settings: settings)
    }

    /// Today in Kazakhstan, for dates the forms default to.
    public var today: CalendarDate { KazakhstanClock.day(of: now()) }
}
