import ArgumentParser
import Foundation
import QoimaCore
import QoimaXML

/// `qoima-cli snt normalize FILE`: the canonical SntV1 body Qoima would send.
struct SntNormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Print the canonical SntV1 body Qoima would send for an SNT file.",
        discussion: """
            Elements come out in schema order, dates as dd.MM.yyyy, decimals without trailing zeros. \
            Values that cannot be read are not guessed: the command then prints the problems and exits 1. \
            Exit 2 when the file cannot be read or parsed.
            """
    )

    @Argument(help: ArgumentHelp("An SntV1 body or a portal container.", valueName: "FILE"))
    var file: String

    @Option(help: ArgumentHelp("Which document of a container, from 1.", valueName: "N"))
    var document: Int?

    func run() throws {
        let documents: [SntFileDocument]
        do {
            documents = try SntFileReader.read(fileAt: file)
        } catch {
            StandardError.print("\(file): \(error.located(in: CLIText.language))")
            throw ExitCode(2)
        }
        let chosen: SntFileDocument
        if let document {
            guard documents.indices.contains(document - 1) else {
                StandardError.print(CLIText.say(CLIText.noSuchDocument, String(document), String(documents.count)))
                throw ExitCode(2)
            }
            chosen = documents[document - 1]
        } else {
            guard documents.count == 1 else {
                StandardError.print(CLIText.say(CLIText.normalizeNeedsOneDocument, String(documents.count)))
                throw ExitCode(2)
            }
            chosen = documents[0]
        }
        switch chosen.result {
        case .failure(let error):
            StandardError.print("\(ValidationReport.name(file, chosen.number)): \(error.located(in: CLIText.language))")
            throw ExitCode(2)
        case .success(let decoded):
            let lost = decoded.problems.filter { !SntCheck.normalizationRepairs($0) }
            guard lost.isEmpty else {
                StandardError.print(CLIText.say(CLIText.cannotNormalize))
                for problem in lost {
                    StandardError.print("\(ValidationReport.name(file, chosen.number)): \(problem.location) \(problem.rule.id): \(problem.message(in: CLIText.language))")
                }
                throw ExitCode(1)
            }
            print(SntXMLWriter.body(of: decoded.snt))
        }
    }
}
