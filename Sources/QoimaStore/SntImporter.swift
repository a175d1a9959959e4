import Foundation
import GRDB
import QoimaCore
import QoimaXML
import Synchronization

/// Imports SNT files (bare SntV1 bodies or portal containers) as drafts in `IMPORTED` status.
///
/// Nothing is dropped silently: a document that fails the format checks is stored with its
/// problems, and one that cannot be read at all is reported with where and why. Each file is
/// stored in one transaction, whole or not at all. Files are read and checked on every core
/// while the previous file is being written.
public struct SntImporter: Sendable {
    let database: QoimaDatabase
    /// The BIN of the own company the drafts belong to; nil to take each document's seller.
    public var companyBin: String?
    public var context: SntCheckContext

    public init(database: QoimaDatabase, companyBin: String? = nil, context: SntCheckContext) {
        self.database = database
        self.companyBin = companyBin
        self.context = context
    }

    /// Imports `paths` in order, all in one transaction: the import is stored whole or not at all.
    /// Each file is read and checked on every core while the one before it is being written.
    /// `report` is called for each document, in order, once everything is committed. Throws when
    /// the database cannot be written; then nothing was imported.
    public func importFiles(_ paths: [String],
                            report: (SntImportOutcome) -> Void = { _ in }) throws -> SntImportSummary {
        let reader = DispatchQueue(label: "kz.qoima.import.read")
        let prepared = paths.map { _ in PreparedSlot() }
        func startReading(_ index: Int) {
            guard prepared.indices.contains(index) else { return }
            reader.async { [self] in prepared[index].fill(prepare(paths[index])) }
        }
        startReading(0)
        let outcomes = try database.pool.write { db in
            defer { db.releaseMemory() }
            var outcomes: [SntImportOutcome] = []
            var companies = CompanyResolver(explicitBin: companyBin)
            for index in paths.indices {
                startReading(index + 1)
                outcomes += try write(prepared[index].take(), companies: &companies, db)
            }
            return outcomes
        }
        var summary = SntImportSummary()
        for outcome in outcomes {
            summary.count(outcome)
            report(outcome)
        }
        return summary
    }

    /// A file being read on another thread, handed over once.
    private final class PreparedSlot: Sendable {
        private let ready = DispatchSemaphore(value: 0)
        private let file = Mutex<PreparedFile?>(nil)

        func fill(_ prepared: PreparedFile) {
            file.withLock { $0 = prepared }
            ready.signal()
        }

        func take() -> PreparedFile {
            ready.wait()
            return file.withLock { file in
                defer { file = nil }
                return file!
            }
        }
    }

    /// A file read and checked, ready to be written.
    private struct PreparedFile: Sendable {
        var path: String
        var documents: [PreparedDocument]
    }

    private struct PreparedDocument: Sendable {
        var document: SntFileDocument
        var problems: [SntProblem]
    }

    private func prepare(_ path: String) -> PreparedFile {
        let documents: [SntFileDocument]
        do {
            documents = try SntFileReader.read(fileAt: path)
        } catch {
            return PreparedFile(path: path, documents: [PreparedDocument(
                document: SntFileDocument(result: .failure(error)), problems: [])])
        }
        let context = context
        return PreparedFile(path: path, documents: documents.parallelMap { document in
            guard case let .success(decoded) = document.result else { return PreparedDocument(document: document, problems: []) }
            return PreparedDocument(document: document, problems: SntCheck.problems(in: decoded, context: context))
        })
    }

    private func write(_ file: PreparedFile, companies: inout CompanyResolver, _ db: Database) throws -> [SntImportOutcome] {
        var ids: [Int64] = []
        let outcomes = try file.documents.map { prepared -> SntImportOutcome in
            let document = prepared.document
            let result: SntImportOutcome.Result
            switch document.result {
            case let .failure(error):
                result = .notRead(error)
            case let .success(decoded):
                if let company = try companies.company(for: decoded.snt, db) {
                    let body = document.body ?? SntXMLWriter.body(of: decoded.snt)
                    let id = try SntRowWriter.insert(decoded.snt, body: body, problems: prepared.problems,
                                                     companyId: company, direction: .outgoing, status: .imported, db)
                    ids.append(id)
                    result = .imported(id: id, problems: prepared.problems)
                } else {
                    result = .noCompany
                }
            }
            return SntImportOutcome(file: file.path, document: document.number, line: document.line, result: result)
        }
        if let first = ids.first, let last = ids.last {
            try AuditLog.append(db, entity: "snt", id: first, action: "import",
                                detail: "\(ids.count) from \(file.path), ids \(first)–\(last)")
        }
        return outcomes
    }
}

/// Which own company an imported draft belongs to: the one named, else the seller when its
/// IIN/BIN is valid (added to the own companies when new), else the only company there is.
private struct CompanyResolver {
    let explicitBin: String?
    private var known: [String: Int64] = [:]

    init(explicitBin: String?) { self.explicitBin = explicitBin }

    mutating func company(for snt: Snt, _ db: Database) throws -> Int64? {
        let sellerBin = snt.seller.tin.flatMap { $0.isValid ? $0.rawValue : nil }
        if let bin = explicitBin ?? sellerBin {
            if let id = known[bin] { return id }
            let name = bin == sellerBin ? snt.seller.name : ""
            let id = try CompanyStore.findOrAdd(bin: bin, name: name, db)
            known[bin] = id
            return id
        }
        let ids = try Int64.fetchAll(db, sql: "SELECT id FROM company LIMIT 2")
        return ids.count == 1 ? ids[0] : nil
    }
}

/// What became of one document of an imported file.
public struct SntImportOutcome: Sendable {
    public var file: String
    /// Its position in a portal container; nil for a bare body.
    public var document: Int?
    /// The line of its container entry; nil for a bare body.
    public var line: Int?
    public var result: Result

    public enum Result: Sendable {
        /// Stored as a draft; `problems` are what the format checks found.
        case imported(id: Int64, problems: [SntProblem])
        /// The file or this document could not be read.
        case notRead(XMLInputError)
        /// The seller's IIN/BIN is missing or invalid and no company was named.
        case noCompany
    }
}

/// `imported N, with problems M, unreadable K`: N documents stored (M of them with errors found
/// by the format checks), K not stored.
public struct SntImportSummary: Hashable, Sendable {
    public var imported = 0
    public var withProblems = 0
    public var unreadable = 0

    public init(imported: Int = 0, withProblems: Int = 0, unreadable: Int = 0) {
        self.imported = imported
        self.withProblems = withProblems
        self.unreadable = unreadable
    }

    mutating func count(_ outcome: SntImportOutcome) {
        switch outcome.result {
        case let .imported(_, problems):
            imported += 1
            if problems.contains(where: { $0.severity == .error }) { withProblems += 1 }
        case .notRead, .noCompany:
            unreadable += 1
        }
    }
}
