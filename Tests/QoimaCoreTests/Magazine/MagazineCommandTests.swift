import Foundation
import QoimaCore
@testable import QoimaStore
import XCTest

/// `qoima-cli magazine …` as a user types it: what it prints, the option it names when it
/// refuses, its exit status, in English, Russian and Kazakh.
final class MagazineCommandTests: XCTestCase {
    private var desk: MagazineDesk!
    private let today = KazakhstanClock.today()

    override func setUpWithError() throws {
        desk = try MagazineDesk()
    }

    @discardableResult
    private func cli(_ arguments: [String], expect status: Int32 = 0, language: String = "C",
                     file: StaticString = #filePath, line: UInt = #line) throws -> CLIRunner.Result {
        let result = try CLIRunner.run(["magazine"] + arguments + ["--database", desk.path, "--company", "000140000002"],
                                       language: language)
        XCTAssertEqual(result.status, status, "\(arguments): \(result.output) \(result.error)", file: file, line: line)
        return result
    }

    private func daysAgo(_ days: Int) -> String { today.adding(days: -days).ddMMyyyy }

    private func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], text)
    }

    func testAPaperSntFromIssueToEntry() throws {
        let draft = try desk.draft("СНТ-17", date: daysAgo(30))
        let added = try cli(["add", "--snt", String(draft), "--reason", "down-time", "--paper-date", daysAgo(30),
                             "--responsible", "Айгүл Серікова"])
        let label = "1/\(today.adding(days: -30).year)"
        XCTAssertEqual(added.output, "Magazine entry \(label): SNT \(draft) (number СНТ-17) issued on paper on \(daysAgo(30)); "
                       + "reason: IS ESF was down or under planned works\n")
        // Without a restore date no deadline runs yet.
        let waiting = try cli(["list"])
        XCTAssertTrue(waiting.output.contains("\(label)\t\(daysAgo(30))\tDOWN_TIME\t\(draft)\tСНТ-17\tТОО «Ертіс Құрылыс»\t"
                                              + "Issued on paper; the day IS ESF was restored is not given"), waiting.output)
        XCTAssertEqual(waiting.error, "entries: 1, overdue: 0\n")

        let restore = PaperEntryDeadline(restoreDate: today.adding(days: -20))
        let restored = try cli(["restore", "--date", daysAgo(20)])
        XCTAssertEqual(restored.output, "\(label): enter into IS ESF \(restore.text.text(in: .english))\n")
        // Overdue now: the list says so and exits with 1, for scripts to notice.
        let overdue = try cli(["list", "--overdue", "--json"], expect: 1)
        let object = try json(overdue.output)
        XCTAssertEqual(object["overdue"] as? Int, 1)
        let item = try XCTUnwrap((object["items"] as? [[String: Any]])?.first)
        XCTAssertEqual(item["lastDay"] as? String, restore.lastDay.ddMMyyyy)
        XCTAssertEqual(item["status"] as? String, "Overdue: it was due by \(restore.lastDay.ddMMyyyy)")
        let columns = try XCTUnwrap(item["columns"] as? [String: String])
        XCTAssertEqual(columns["vehiclePlate"], "777ABC02")
        XCTAssertEqual(columns["responsible"], "Айгүл Серікова")
        XCTAssertEqual(columns.count, MagazineLayout.current.columns.count)

        let number = "KZ-SNT-0000-000140000002-\(today.adding(days: -2).yyyyMMdd)-41"
        let entered = try cli(["enter", "1", "--year", String(today.adding(days: -30).year), "--registration-number", number,
                               "--date", daysAgo(2)])
        XCTAssertEqual(entered.output, "\(label): entered into IS ESF as \(number) on \(daysAgo(2))\n")
        let late = try cli(["list", "--state", "entered"], language: "ru_RU.UTF-8")
        XCTAssertTrue(late.output.contains("Введена в ИС ЭСФ с опозданием\t\(number)"), late.output)
        XCTAssertEqual(late.error, "записей: 1, просрочено: 0\n")
    }

    func testRefusalsNameTheOptionAtFault() throws {
        let draft = try desk.draft("СНТ-1", date: daysAgo(10))
        let tomorrow = today.adding(days: 1).ddMMyyyy
        let future = try cli(["add", "--snt", String(draft), "--reason", "DOWN_TIME", "--paper-date", tomorrow], expect: 2)
        XCTAssertEqual(future.error, "--paper-date: the paper date (A 2.1) \(tomorrow) is after today, \(today.ddMMyyyy): "
                       + "a paper SNT is recorded once it has been issued\n")
        let badDate = try cli(["add", "--snt", String(draft), "--reason", "DOWN_TIME", "--paper-date", "31.02.2026"], expect: 2)
        XCTAssertTrue(badDate.error.contains("--paper-date must be a date written dd.MM.yyyy"), badDate.error)
        let badReason = try cli(["add", "--snt", String(draft), "--reason", "STORM", "--paper-date", daysAgo(5)], expect: 2)
        XCTAssertTrue(badReason.error.contains("--reason: \"STORM\" is not one of DOWN_TIME, UNLAWFUL_REMOVAL_REGISTRATION, "
                                               + "MISSING_REQUIREMENT"), badReason.error)
        let missing = try cli(["add", "--snt", "404", "--reason", "DOWN_TIME", "--paper-date", daysAgo(5)], expect: 2)
        XCTAssertEqual(missing.error, "--snt: there is no SNT with local id 404\n")

        try cli(["add", "--snt", String(draft), "--reason", "DOWN_TIME", "--paper-date", daysAgo(5)])
        let label = "1/\(today.adding(days: -5).year)"
        let twice = try cli(["add", "--snt", String(draft), "--reason", "DOWN_TIME", "--paper-date", daysAgo(5)], expect: 2,
                            language: "ru_RU.UTF-8")
        XCTAssertEqual(twice.error, "--snt: СНТ \(draft) уже выписана на бумаге, запись журнала \(label); чтобы выписать её "
                       + "снова, сначала отметьте тот бланк испорченным\n")
        let beforePaper = try cli(["restore", "--id", "1", "--date", daysAgo(6)], expect: 2)
        XCTAssertEqual(beforePaper.error, "--date: the restore date \(daysAgo(6)) is before the paper date \(daysAgo(5)) of entry "
                       + "\(label): the outage can only have ended after the paper SNT was issued\n")
        let badNumber = try cli(["enter", "--id", "1", "--registration-number", "SNT-1"], expect: 2, language: "kk_KZ.UTF-8")
        XCTAssertEqual(badNumber.error, "--registration-number: «SNT-1» — ЭШФ АЖ беретін тіркеу нөмірі емес; пішіні: "
                       + "KZ-SNT-NNNN-<BIN>-<YYYYMMDD>-<N>\n")
        let notSent = try cli(["enter", "--id", "1"], expect: 2)
        XCTAssertEqual(notSent.error, "--registration-number: entry \(label): its SNT (\(draft)) has no IS ESF registration "
                       + "number yet; send it, or give the number\n")
        let noReason = try cli(["spoil", "--id", "1", "--reason", " "], expect: 2)
        XCTAssertEqual(noReason.error, "--reason: say why the blank was spoiled\n")
        let noEntry = try cli(["spoil", "7", "--year", "2026", "--reason", "жыртылды"], expect: 2)
        XCTAssertEqual(noEntry.error, "NUMBER: the Magazine has no entry 7/2026\n")
        let both = try cli(["spoil", "1", "--blank", "--reason", "жыртылды"], expect: 2)
        XCTAssertTrue(both.error.contains("give either an entry (NUMBER or --id) or --blank"), both.error)
        let badState = try cli(["list", "--state", "lost"], expect: 2)
        XCTAssertTrue(badState.error.contains("--state: \"lost\" is not one of issued, entered, spoiled"), badState.error)
        XCTAssertEqual(try desk.numbers(year: today.adding(days: -5).year), [1], "refusals change nothing")
    }

    func testSpoiledBlanksOnTheCommandLine() throws {
        let draft = try desk.draft("СНТ-1", date: daysAgo(3))
        try cli(["add", "--snt", String(draft), "--reason", "UNLAWFUL_REMOVAL_REGISTRATION", "--paper-date", daysAgo(3)])
        let year = String(today.adding(days: -3).year)
        let spoiled = try cli(["spoil", "1", "--year", year, "--reason", "Қате толтырылды"], language: "kk_KZ.UTF-8")
        XCTAssertEqual(spoiled.output, "журнал жазбасы 1/\(year): бланк бүлінген деп белгіленді (Қате толтырылды)\n")
        let blank = try cli(["spoil", "--blank", "--date", daysAgo(3), "--reason", "Жыртылды"])
        XCTAssertEqual(blank.output, "Magazine entry 2/\(year): the blank is recorded as spoiled (Жыртылды)\n")
        let again = try cli(["add", "--snt", String(draft), "--reason", "DOWN_TIME", "--paper-date", daysAgo(3), "--json"])
        XCTAssertEqual(try json(again.output)["number"] as? Int, 3)
        let list = try json(try cli(["list", "--year", year, "--json"]).output)
        let items = try XCTUnwrap(list["items"] as? [[String: Any]])
        XCTAssertEqual(items.map { $0["state"] as? String }, ["spoiled", "spoiled", "issued"])
        XCTAssertEqual((items[0]["columns"] as? [String: String])?["reason"],
                       "Spoiled blank: Қате толтырылды; Registration was blocked by the authorised body")
    }

    func testTheDeadlineCommandNeedsNoDatabase() throws {
        let result = try CLIRunner.run(["magazine", "deadline", "--restored", "20.03.2026"], language: "ru_RU.UTF-8")
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.output.split(separator: "\n").map(String.init), [
            "30.03.2026",
            "21.03.2026\tНаурыз мейрамы", "22.03.2026\tНаурыз мейрамы", "23.03.2026\tНаурыз мейрамы",
            "24.03.2026\tвыходной за Наурыз мейрамы (21.03.2026)", "25.03.2026\tвыходной за Наурыз мейрамы (22.03.2026)",
            "26.03.2026\tрабочий день 1", "27.03.2026\tрабочий день 2", "28.03.2026\tвыходной", "29.03.2026\tвыходной",
            "30.03.2026\tрабочий день 3",
        ])
        let unknown = try CLIRunner.run(["magazine", "deadline", "--restored", "30.12.2027"])
        XCTAssertEqual(unknown.output.split(separator: "\n").first, "04.01.2028")
        XCTAssertEqual(unknown.error, "by 04.01.2028 (the holidays of 2028 are not known: only weekends were skipped)\n")
        let bad = try CLIRunner.run(["magazine", "deadline", "--restored", "2026-03-20"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.error.contains("--restored must be a date written dd.MM.yyyy"), bad.error)
    }
}
