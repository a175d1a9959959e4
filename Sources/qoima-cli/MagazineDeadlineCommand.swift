import ArgumentParser
import QoimaCore

/// `qoima-cli magazine deadline`: the last day to enter paper SNTs after an outage, day by day.
struct MagazineDeadlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadline",
        abstract: "Print the last day to enter paper SNTs into IS ESF if it worked again on DATE, then the days counted.",
        discussion: """
            The first line is the last day (dd.MM.yyyy); then each day after DATE up to it, with what it is \
            (a working day, a weekend, a holiday, a moved day off). Needs no database. Exit status: 0, 2 bad input.
            """)

    @Option(help: ArgumentHelp("The day IS ESF worked again, dd.MM.yyyy.", valueName: "DATE")) var restored: String

    func validate() throws {
        _ = try MagazineArgument.day(restored, option: "--restored")
    }

    func run() throws {
        let restoreDate = try MagazineArgument.day(restored, option: "--restored")
        let calendar = WorkingCalendar.kazakhstan
        let deadline = PaperEntryDeadline(restoreDate: restoreDate, calendar: calendar)
        let language = CLIText.language
        print(deadline.lastDay.ddMMyyyy)
        var day = restoreDate
        var counted = 0
        while day < deadline.lastDay {
            day = day.adding(days: 1)
            let kind = calendar.day(day)
            if kind.isWorking { counted += 1 }
            let what = kind == .working ? CLIText.say(CLIText.magazineDeadlineDay, String(counted)) : kind.text.text(in: language)
            print("\(day.ddMMyyyy)\t\(what)")
        }
        if !deadline.isCertain { StandardError.print(deadline.text.text(in: language)) }
    }
}
