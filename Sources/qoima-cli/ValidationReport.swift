import Foundation
import QoimaCore
import QoimaXML

/// Collects what `snt validate` finds in its files and prints it as text or JSON.
struct ValidationReport {
    let language: Language
    private(set) var lines: [String] = []
    private(set) var entries: [[String: Any]] = []
    private(set) var documentCount = 0
    private(set) var errorCount = 0
    private(set) var warningCount = 0
    private var unreadable = false

    init(language: Language) { self.language = language }

    /// 0 valid, 1 problems found, 2 a file or document could not be read or parsed.
    var exitStatus: Int32 { unreadable ? 2 : (errorCount + warningCount > 0 ? 1 : 0) }

    mutating func check(file: String, context: SntCheckContext, includeWarnings: Bool) {
        let documents: [SntFileDocument]
        do {
            documents = try SntFileReader.read(fileAt: file)
        } catch {
            fail(file: file, document: nil, error: error)
            return
        }
        for document in documents {
            documentCount += 1
            switch document.result {
            case .failure(let error):
                fail(file: file, document: document.number, error: error)
            case .success(let decoded):
                let problems = SntCheck.problems(in: decoded, context: context)
                for problem in problems where includeWarnings || problem.severity == .error {
                    add(problem, file: file, document: document.number)
                }
            }
        }
    }

    private mutating func add(_ problem: SntProblem, file: String, document: Int?) {
        if problem.severity == .error { errorCount += 1 } else { warningCount += 1 }
        let message = problem.message(in: language)
        lines.append("\(Self.name(file, document)): \(problem.location) \(problem.rule.id): \(message)")
        entries.append([
            "file": file, "document": document.map { $0 as Any } ?? NSNull(),
            "field": problem.field.code, "path": problem.field.path,
            "line": problem.lineNumber.map { $0 as Any } ?? NSNull(),
            "rule": problem.rule.id, "severity": problem.severity.rawValue, "message": message,
        ])
    }

    private mutating func fail(file: String, document: Int?, error: XMLInputError) {
        unreadable = true
        let message = error.located(in: language)
        var entry: [String: Any] = ["file": file, "document": document.map { $0 as Any } ?? NSNull(),
                                    "field": NSNull(), "path": NSNull(), "line": NSNull(),
                                    "severity": Severity.error.rawValue, "message": message]
        if case .unreadable = error.reason {
            entry["rule"] = "FILE-UNREADABLE"
        } else {
            entry["rule"] = "XML-UNREADABLE"
            entry["xmlLine"] = error.line.map { $0 as Any } ?? NSNull()
            entry["xmlColumn"] = error.column.map { $0 as Any } ?? NSNull()
        }
        entries.append(entry)
        lines.append("\(Self.name(file, document)): \(message)")
        errorCount += 1
    }

    static func name(_ file: String, _ document: Int?) -> String {
        document.map { "\(file)#\($0)" } ?? file
    }

    func json() -> String {
        let data = (try? JSONSerialization.data(withJSONObject: entries, options: [.prettyPrinted, .sortedKeys])) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
