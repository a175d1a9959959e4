import ArgumentParser
import Foundation
import QoimaCore
import QoimaStore

/// `qoima-cli db exercise-drafts`: edits one new draft in a loop through the autosaver,
/// printing `committed ID EDIT` each time a save of edit EDIT (and those before it) is committed.
/// The crash test kills it at random moments and then checks that every printed edit is in the
/// database, whole; it also serves to load a database by hand.
struct DraftExerciseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exercise-drafts",
        abstract: "Edit a new draft in a loop, printing each committed edit (for crash tests).",
        shouldDisplay: false
    )

    @OptionGroup var options: DatabaseOption

    @Option(help: "Stop after this many edits (default: never).")
    var edits: Int?

    @Option(help: "The autosave delay in seconds.")
    var delay: Double = 0.002

    func run() throws {
        let database = try options.open()
        let store = SntDraftStore(database: database)
        let company = try CompanyStore(database: database).findOrAdd(bin: "000140000002", name: "ТОО «Қойма Сауда»")
        let id = try store.createDraft(companyId: company, Self.draft(edit: 0))
        Self.say("draft \(id)")
        let autosaver = DraftAutosaver(store: store, draftId: id, delay: delay) { event in
            if case let .saved(edit, _) = event { Self.say("committed \(id) \(edit)") }
        }
        var edit = 0
        while edits.map({ edit < $0 }) ?? true {
            edit = autosaver.edit(Self.draft(edit: edit + 1))
            usleep(50)
        }
        autosaver.flush()
    }

    /// Unbuffered, so what was printed was really committed before the process died.
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// The draft as it is after `edit`: its number names the edit, and it has `lineCount(edit)`
    /// goods lines, so a half-applied save would show.
    static func draft(edit: Int) -> Snt {
        var snt = Snt(number: "E\(edit)", date: CalendarDate(year: 2026, month: 1, day: 15))
        snt.currencyCode = .tenge
        let lines = (0..<lineCount(edit)).map { index in
            GoodsLineArithmetic.completed(GoodsLine(
                productNumber: index + 1, truOriginCode: 1, productName: "Тауар \(index + 1), нұсқа \(edit)",
                tnvedCode: TnvedCode("2503001000"), measureUnitCode: MeasureUnitCode("166"),
                quantity: Decimal(edit), price: Decimal(100 + index), ndsRate: 16))
        }
        snt.goods = GoodsSet(totals: GoodsLineArithmetic.totals(of: lines), lines: lines)
        return snt
    }

    static func lineCount(_ edit: Int) -> Int { edit % 7 + 1 }
}
