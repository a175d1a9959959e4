import Foundation
import GRDB
import QoimaCore
import QoimaXML

/// Makes new outgoing drafts for one own company: blank, a copy of any stored SNT, from a
/// template, a return or a correction of a registered SNT, or from a portal file. Every maker
/// stores the draft and returns its local id; what cannot be made is refused with a `Failure`
/// that says why. UI-free, so the desk and the command line share it.
public struct SntDraftFactory: Sendable {
    let database: QoimaDatabase
    public let company: OwnCompany
    public let today: CalendarDate

    public init(database: QoimaDatabase, company: OwnCompany, today: CalendarDate) {
        self.database = database
        self.company = company
        self.today = today
    }

    /// Why a draft could not be made.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case missing(Int64)
        case templateMissing(Int64)
        case templateNameEmpty
        /// Returns and corrections refer to a registration number; drafts have none.
        case notRegistered(Int64, status: String)
        /// Only an incoming SNT (the goods were received) can be returned.
        case returnOfOutgoing(Int64)
        case returnOfReturn(Int64)
        /// Goods are returned once they were accepted.
        case returnStatus(Int64, status: String)
        /// Only the sender corrects an SNT.
        case correctionOfIncoming(Int64)
        /// Only a NOT_VIEWED or DELIVERED SNT can be corrected (domain.md §4).
        case correctionStatus(Int64, status: String)
        case fileUnreadable(path: String, reason: String)
        case fileHasNoSnt(path: String)
        case fileOfOtherCompany(path: String)

        public var description: String {
            switch self {
            case let .missing(id): "There is no SNT with id \(id)."
            case let .templateMissing(id): "There is no template with id \(id)."
            case .templateNameEmpty: "A template needs a name."
            case let .notRegistered(id, status):
                "SNT \(id) is not registered in IS ESF (its status is \(status)): only a registered SNT can be returned or corrected (A5.1/A6.1 need its registration number)."
            case let .returnOfOutgoing(id):
                "SNT \(id) is outgoing: goods are returned by their customer, so a return (A6) is made from an incoming SNT."
            case let .returnOfReturn(id): "SNT \(id) is itself a return; a return cannot be returned."
            case let .returnStatus(id, status):
                "SNT \(id) has status \(status): goods are returned after they were accepted (CONFIRMED); an SNT not yet accepted is declined instead."
            case let .correctionOfIncoming(id):
                "SNT \(id) is incoming: only its sender can correct it (A5)."
            case let .correctionStatus(id, status):
                "SNT \(id) has status \(status): only an SNT that is NOT_VIEWED or DELIVERED can be corrected (A5)."
            case let .fileUnreadable(path, reason): "\(path) could not be read: \(reason)"
            case let .fileHasNoSnt(path): "\(path) holds no SNT that could be read."
            case let .fileOfOtherCompany(path): "The SNTs of \(path) belong to another company's BIN."
            }
        }
    }

    // MARK: Makers

    /// A blank SNT with the company's defaults (`defaults()`).
    public func blank() throws -> Int64 {
        try store(try defaults())
    }

    /// A copy of any stored SNT as a new primary draft dated today with the next number. An
    /// outgoing SNT keeps its customer, goods, contract and transport. An incoming one becomes a
    /// sale of the same goods by this company: the seller is the company (as on a blank draft),
    /// the customer is left empty (the sender of those goods is rarely who they go to next), and
    /// the lines lose their batch ids (G1.13), which named the sender's batches.
    public func copy(of id: Int64) throws -> Int64 {
        let source = try stored(id)
        var snt = try defaults()
        let original = source.snt
        if source.direction == .outgoing {
            snt.seller = original.seller
            snt.customer = original.customer
            snt.consignor = original.consignor
            snt.consignee = original.consignee
            snt.carriage = original.carriage
            snt.roadCargo = original.roadCargo
            snt.taxOffices = original.taxOffices
            snt.importKind = original.importKind
            snt.exportKind = original.exportKind
            snt.transferType = original.transferType
            snt.goods = original.goods
        } else {
            snt.goods = original.goods.map { set in
                var set = set
                set.lines = set.lines.map { line in
                    var line = line
                    line.productId = nil
                    return line
                }
                return set
            }
        }
        snt.contract = original.contract
        snt.currencyCode = original.currencyCode
        snt.currencyRate = original.currencyRate
        snt.oil = original.oil
        snt.preservedBlocks = original.preservedBlocks
        return try store(snt)
    }

    /// A draft from a template, dated today with the next number.
    public func fromTemplate(id: Int64) throws -> Int64 {
        guard let template = try SntTemplateStore(database: database).template(id: id) else {
            throw Failure.templateMissing(id)
        }
        var snt = template.snt
        let defaults = try defaults()
        snt.number = defaults.number
        snt.date = today
        snt.shippingDate = today
        snt.type = .primary
        snt.relatedRegistrationNumber = nil
        snt.datePaper = nil
        snt.reasonPaper = nil
        if snt.seller.tin == nil { snt.seller = defaults.seller }
        return try store(snt)
    }

    /// A return (RETURNED_SNT) of registered incoming SNT `id`: A6.1 is its registration number,
    /// the parties are swapped (the company, its customer there, sends the goods back to the
    /// seller), and the goods are copied without their batch ids, which named the seller's
    /// batches (the returned goods leave the company's own batches, picked in the editor).
    public func returnOf(_ id: Int64) throws -> Int64 {
        let source = try stored(id)
        guard let number = source.registrationNumber else { throw Failure.notRegistered(id, status: source.status.rawValue) }
        guard source.direction == .incoming else { throw Failure.returnOfOutgoing(id) }
        guard source.snt.type != .returned else { throw Failure.returnOfReturn(id) }
        guard source.status == .confirmed || source.status == .confirmedByOgd else {
            throw Failure.returnStatus(id, status: source.status.rawValue)
        }
        let original = source.snt
        var snt = try defaults()
        snt.type = .returned
        snt.relatedRegistrationNumber = SntRegistrationNumber(number)
        snt.seller = original.customer
        snt.customer = original.seller
        if snt.seller.tin == nil || snt.seller.name.isEmpty { snt.seller = try defaults().seller }
        snt.contract = original.contract
        snt.currencyCode = original.currencyCode
        snt.currencyRate = original.currencyRate
        // An import's return is an export, and the other way round.
        snt.exportKind = original.importKind.map { _ in SntExport(exportType: .export) }
        snt.importKind = original.exportKind.map { _ in SntImport(importType: .import) }
        snt.goods = original.goods.map { set in
            let lines = set.lines.map { line in
                var line = line
                line.productId = nil
                return line
            }
            return GoodsSet(totals: GoodsLineArithmetic.totals(of: lines), lines: lines)
        }
        return try store(snt)
    }

    /// A correction (FIXED_SNT) of registered outgoing SNT `id`: A5.1 is its registration number,
    /// and it keeps what a correction must keep (SntCorrectionRules: movement kinds and every
    /// seller and customer field) and the original's shipping date, which it may not precede.
    /// It keeps the original's number and is dated today; the goods, transport and contract are
    /// there to be corrected.
    public func correctionOf(_ id: Int64) throws -> Int64 {
        let source = try stored(id)
        guard let number = source.registrationNumber else { throw Failure.notRegistered(id, status: source.status.rawValue) }
        guard source.direction == .outgoing else { throw Failure.correctionOfIncoming(id) }
        guard source.status == .notViewed || source.status == .delivered else {
            throw Failure.correctionStatus(id, status: source.status.rawValue)
        }
        var snt = source.snt
        snt.type = .fixed
        snt.relatedRegistrationNumber = SntRegistrationNumber(number)
        snt.date = today
        if let shipping = snt.shippingDate, shipping < today { snt.shippingDate = today }
        snt.datePaper = nil
        snt.reasonPaper = nil
        return try store(snt)
    }

    /// Imports the portal file (or bare SntV1 body) at `path` as IMPORTED drafts of this company
    /// and returns their ids. Refuses a file with nothing readable, or whose SNTs are another
    /// company's.
    public func fromFile(_ path: String) throws -> [Int64] {
        let documents: [SntFileDocument]
        do {
            documents = try SntFileReader.read(fileAt: path)
        } catch {
            throw Failure.fileUnreadable(path: path, reason: error.message(in: .english))
        }
        let readable = documents.compactMap { try? $0.result.get() }
        guard !readable.isEmpty else { throw Failure.fileHasNoSnt(path: path) }
        let sellers = Set(readable.compactMap { $0.snt.seller.tin?.rawValue })
        if !sellers.isEmpty, !sellers.contains(company.bin) { throw Failure.fileOfOtherCompany(path: path) }
        var ids: [Int64] = []
        _ = try SntImporter(database: database, companyBin: company.bin, context: try checkContext(for: nil))
            .importFiles([path]) { outcome in
                if case let .imported(id, _) = outcome.result { ids.append(id) }
            }
        guard !ids.isEmpty else { throw Failure.fileHasNoSnt(path: path) }
        return ids
    }

    // MARK: Defaults

    /// A new SNT's defaults: the seller is the company (BIN and name; address and warehouse as on
    /// the last SNT it sent, else its priority warehouse), dated and shipped today, numbered after
    /// its last outgoing SNT, in tenge, with an empty goods table.
    public func defaults() throws -> Snt {
        let (lastSent, lastNumber, warehouse) = try database.pool.read { db in
            let sent = try String.fetchOne(db, sql: """
                SELECT body FROM snt WHERE companyId = ? AND direction = 'outgoing'
                    AND status NOT IN ('DRAFT', 'IMPORTED') ORDER BY date DESC, id DESC LIMIT 1
                """, arguments: [company.id])
            let number = try String.fetchOne(db, sql: """
                SELECT number FROM snt WHERE companyId = ? AND direction = 'outgoing' AND number != ''
                ORDER BY id DESC LIMIT 1
                """, arguments: [company.id])
            let warehouse = try Row.fetchOne(db, sql: """
                SELECT storeId, address FROM warehouse WHERE companyId = ? AND status = 'VALID'
                ORDER BY isDefault DESC, storeId LIMIT 1
                """, arguments: [company.id])
            return (sent, number, warehouse.map { (store: $0["storeId"] as Int64, address: $0["address"] as String) })
        }
        let previousSeller = lastSent.flatMap { try? SntXMLReader.read($0).snt.seller }
        let name = company.nameRu.isEmpty ? company.nameKk : company.nameRu
        let seller = SntParty(tin: TaxpayerNumber(company.bin), nonResident: false, name: name,
                              registerCountryCode: .kazakhstan, countryCode: .kazakhstan,
                              actualAddress: previousSeller?.actualAddress ?? warehouse.flatMap { $0.address.isEmpty ? nil : $0.address },
                              storeId: previousSeller?.storeId ?? warehouse?.store)
        var snt = Snt(number: Self.number(after: lastNumber), date: today, type: .primary, seller: seller,
                      customer: SntParty(nonResident: false, registerCountryCode: .kazakhstan, countryCode: .kazakhstan))
        snt.shippingDate = today
        snt.currencyCode = .tenge
        snt.goods = GoodsSet()
        return snt
    }

    /// The number after `previous` when it ends in digits (keeping their width: `0042` → `0043`),
    /// `1` when there is none, and empty when the last number has no digits at its end.
    public static func number(after previous: String?) -> String {
        guard let previous, !previous.isEmpty else { return "1" }
        let digits = previous.reversed().prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return "" }
        let head = previous.dropLast(digits.count)
        var result = Array(String(digits.reversed()))
        var index = result.count - 1
        while index >= 0 {
            if result[index] == "9" {
                result[index] = "0"
                index -= 1
            } else {
                result[index] = Character(String(result[index].wholeNumberValue! + 1))
                break
            }
        }
        let tail = String(result)
        return head + (index < 0 ? "1" + tail : tail)
    }

    /// The last SNT to (outgoing) the counterparty with `tin`, whose customer, contract, transport
    /// and currency a new SNT to them starts from.
    public func lastSnt(toCustomer tin: String) throws -> Snt? {
        let body = try database.pool.read { db in
            try String.fetchOne(db, sql: """
                SELECT body FROM snt WHERE companyId = ? AND direction = 'outgoing' AND customerTin = ?
                ORDER BY date DESC, id DESC LIMIT 1
                """, arguments: [company.id, tin])
        }
        return body.flatMap { try? SntXMLReader.read($0).snt }
    }

    /// What the checks of `snt` need: today, the original a correction refers to (looked up by
    /// its registration number), and the units of the synced dictionary when there is one.
    public func checkContext(for snt: Snt?) throws -> SntCheckContext {
        var context = SntCheckContext(today: today)
        let units = try DictionaryStore(database: database).units().map(\.code)
        if !units.isEmpty { context.knownUnitCodes = context.knownUnitCodes.union(units) }
        if let snt, snt.type == .fixed, let related = snt.relatedRegistrationNumber?.rawValue {
            let row = try database.pool.read { db in
                try Row.fetchOne(db, sql: """
                    SELECT body, status, registrationNumber FROM snt WHERE registrationNumber = ? AND companyId = ?
                    ORDER BY id LIMIT 1
                    """, arguments: [related, company.id])
            }
            if let row, let original = try? SntXMLReader.read(row["body"] as String).snt {
                context.original = SntRecord(snt: original, registration: SntRegistration(
                    registrationNumber: SntRegistrationNumber(row["registrationNumber"] as String),
                    status: SntStatus(rawValue: row["status"]) ?? .created))
            }
        }
        return context
    }

    // MARK: Storing

    private func store(_ snt: Snt) throws -> Int64 {
        let problems = SntValidator(context: try checkContext(for: snt)).check(snt)
        return try SntDraftStore(database: database).createDraft(companyId: company.id, snt, problems: problems)
    }

    private struct StoredSnt {
        var snt: Snt
        var direction: SntDirection
        var status: SntStatus
        var registrationNumber: String?
    }

    private func stored(_ id: Int64) throws -> StoredSnt {
        let row = try database.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT body, direction, status, registrationNumber FROM snt WHERE id = ?",
                             arguments: [id])
        }
        guard let row else { throw Failure.missing(id) }
        return StoredSnt(snt: try SntXMLReader.read(row["body"] as String).snt,
                         direction: SntDirection(rawValue: row["direction"]) ?? .outgoing,
                         status: SntStatus(rawValue: row["status"]) ?? .draft,
                         registrationNumber: row["registrationNumber"])
    }
}
