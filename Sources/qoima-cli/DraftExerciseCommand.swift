import ArgumentParser
import Foundation
import QoimaCore
import QoimaStore

/// `qoima-cli db exercise-drafts`: edits one new draft in a loop, printing `committed ID
/// REVISION` after each edit is committed. The crash test kills it at random moments and then
/// checks that every printed edit is in the database; it also serves to load a database by hand.
struct DraftExerciseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exercise-drafts",
        abstract: "Edit a new draft in a loop, printing each committed edit (for crash tests).",
        shouldDisplay: false
    )

    @OptionGroup var options: DatabaseOption

    @Option(help: "Stop after this many edits (default: never).")
    var edits: Int?

    func run() throws {
        let store = SntDraftStore(database: try options.open())
        let company = try store.company(bin: "000140000002", name: "ТОО «Қойма Сауда»")
        let id = try store.createDraft(companyId: company, Self.draft(revision: 1))
        Self.say("draft \(id)")
        var revision = 1
        while edits.map({ revision <= $0 }) ?? true {
            let saved = try store.saveDraft(id: id, Self.draft(revision: revision + 1))
            revision = saved
            Self.say("committed \(id) \(saved)")
        }
    }

    /// Unbuffered, so what was printed was really committed before the process died.
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// The draft as it is at `revision`: its number names the revision, and it has
    /// `lineCount(revision)` goods lines, so a half-applied edit would show.
    static func draft(revision: Int) -> Snt {
        var snt = Snt(number: "R\(revision)", date: CalendarDate(year: 2026, month: 1, day: 15))
        snt.currencyCode = .tenge
        let lines = (0..<lineCount(revision)).map { index in
            GoodsLineArithmetic.completed(GoodsLine(
                productNumber: index + 1, truOriginCode: 1, productName: "Тауар \(index + 1), нұсқа \(revision)",
                tnvedCode: TnvedCode("2503001000"), measureUnitCode: MeasureUnitCode("166"),
                quantity: Decimal(revision), price: Decimal(100 + index), ndsRate: 16))
        }
        snt.goods = GoodsSet(totals: GoodsLineArithmetic.totals(of: lines), lines: lines)
        return snt
    }

    static func lineCount(_ revision: Int) -> Int { revision % 7 + 1 }
}
