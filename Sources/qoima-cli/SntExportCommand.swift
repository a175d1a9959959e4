import ArgumentParser
import Foundation
import QoimaStore
import QoimaXML

/// `qoima-cli snt export ID... -o FILE`: SNTs from the database as a portal container.
struct SntExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write SNTs from the database to a portal container file, their XML exactly as stored.",
        discussion: "Nothing is written when any ID is unknown. The file is written beside FILE and renamed into place."
    )

    @OptionGroup var options: DatabaseOption

    @Argument(help: ArgumentHelp("Local ids of the SNTs (as `snt list` shows them).", valueName: "ID"))
    var ids: [Int64]

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("The file to write.", valueName: "FILE"))
    var output: String

    func run() throws {
        let database = try options.open()
        let bodies = try SntList(database: database).bodies(of: ids)
        if let missing = zip(ids, bodies).first(where: { $0.1 == nil }) {
            StandardError.print(CLIText.say(CLIText.noSuchSnt, String(missing.0)))
            throw ExitCode(1)
        }
        let container = SntContainerXML.container(ofBodies: bodies.compactMap { $0 })
        try Data(container.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        print(CLIText.say(CLIText.exported, String(ids.count), output))
    }
}
