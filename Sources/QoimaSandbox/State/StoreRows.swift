import Foundation
import GRDB
import QoimaCore

// The rows of the sandbox's tables, read with GRDB and written with plain SQL. Decimals are
// kept as IS ESF's text (`DecimalText`), so what goes out is what came in.

extension Row {
    func decimal(_ column: String) -> Decimal {
        (self[column] as String?).flatMap(DecimalText.parse) ?? 0
    }

    func optionalDecimal(_ column: String) -> Decimal? {
        (self[column] as String?).flatMap(DecimalText.parse)
    }
}

extension Decimal {
    /// As stored and sent: IS ESF's form, no trailing zeros.
    var wireText: String { DecimalText.format(self) }
}

/// A user of the cabinet: who may open sessions for which company, with which password.
struct AccountRow: FetchableRecord, Sendable {
    var iin: String
    var bin: String
    var name: String
    var password: String

    init(row: Row) {
        iin = row["iin"]
        bin = row["bin"]
        name = row["name"]
        password = row["password"]
    }
}

/// A virtual-warehouse store (`taxpayerStore`, domain.md §9.1).
struct StoreRow: FetchableRecord, Sendable {
    var id: Int64
    var tin: String
    var name: String
    var address: String
    var type: String
    var responsiblePersonIin: String
    var parentId: Int64?
    var isDefault: Bool
    var isInherited: Bool
    var isJointStore: Bool
    var isPostingGoods: Bool
    var isCooperativeStore: Bool
    var isRawMaterials: Bool
    var isPublicStore: Bool
    var lesseeTin: String?
    var lesseeContractNumber: String?
    var lesseeContractDate: String?
    var permittedTins: [String]
    var status: String

    static let valid = "VALID"
    static let invalid = "INVALID"

    init(row: Row) {
        id = row["id"]
        tin = row["tin"]
        name = row["name"]
        address = row["address"]
        type = row["type"]
        responsiblePersonIin = row["responsiblePersonIin"]
        parentId = row["parentId"]
        isDefault = row["isDefault"]
        isInherited = row["isInherited"]
        isJointStore = row["isJointStore"]
        isPostingGoods = row["isPostingGoods"]
        isCooperativeStore = row["isCooperativeStore"]
        isRawMaterials = row["isRawMaterials"]
        isPublicStore = row["isPublicStore"]
        lesseeTin = row["lesseeTin"]
        lesseeContractNumber = row["lesseeContractNumber"]
        lesseeContractDate = row["lesseeContractDate"]
        permittedTins = (row["permittedTins"] as String).split(separator: ",").map(String.init)
        status = row["status"]
    }

    static func find(_ id: Int64, in db: Database) throws -> StoreRow? {
        try fetchOne(db, sql: "SELECT * FROM store WHERE id = ?", arguments: [id])
    }

    static func all(of tin: String, in db: Database) throws -> [StoreRow] {
        try fetchAll(db, sql: "SELECT * FROM store WHERE tin = ? ORDER BY id", arguments: [tin])
    }

    /// The priority (`isDefault`) store of `tin`, where goods without a named store arrive.
    static func priority(of tin: String, in db: Database) throws -> StoreRow? {
        try fetchOne(db, sql: "SELECT * FROM store WHERE tin = ? AND isDefault ORDER BY id LIMIT 1", arguments: [tin])
    }
}

/// One batch in one store: a `balance` row (domain.md §9.2).
struct BalanceRow: FetchableRecord, Sendable {
    var balanceId: Int64
    var tin: String
    var storeId: Int64
    var productId: Int64
    var goods: BatchGoods
    var quantity: Decimal
    var reserveQuantity: Decimal

    init(row: Row) {
        balanceId = row["balanceId"]
        tin = row["tin"]
        storeId = row["storeId"]
        productId = row["productId"]
        goods = BatchGoods(row: row)
        quantity = row.decimal("quantity")
        reserveQuantity = row.decimal("reserveQuantity")
    }

    /// What can still be shipped or written off: the quantity less what SNTs have reserved.
    var available: Decimal { quantity - reserveQuantity }

    static func find(tin: String, store: Int64, batch: Int64, in db: Database) throws -> BalanceRow? {
        try fetchOne(db, sql: "SELECT * FROM balance WHERE tin = ? AND storeId = ? AND productId = ?",
                     arguments: [tin, store, batch])
    }

    static func find(_ balanceId: Int64, in db: Database) throws -> BalanceRow? {
        try fetchOne(db, sql: "SELECT * FROM balance WHERE balanceId = ?", arguments: [balanceId])
    }
}

/// What a batch is: everything of a balance row but its place and quantities.
struct BatchGoods: Sendable {
    var name: String
    var kpvedCode: String
    var tnvedCode: String
    var gtinCode: String?
    var measureUnitCode: String
    var unitPrice: Decimal
    var manufactureOrImportDocNumber: String?
    var productNumberInImportDoc: String?
    var productNameInImportDoc: String?
    var physicalLabel: String?
    var pinCode: String?
    var spiritPercent: Decimal?
    var canExport: Bool?
    var dutyType: String?
    var countryCode: String = "KZ"
}

extension BatchGoods {
    /// The goods columns of a `balance` row.
    init(row: Row) {
        self.init(name: row["name"], kpvedCode: row["kpvedCode"], tnvedCode: row["tnvedCode"], gtinCode: row["gtinCode"],
                  measureUnitCode: row["measureUnitCode"], unitPrice: row.decimal("unitPrice"),
                  manufactureOrImportDocNumber: row["manufactureOrImportDocNumber"],
                  productNumberInImportDoc: row["productNumberInImportDoc"],
                  productNameInImportDoc: row["productNameInImportDoc"], physicalLabel: row["physicalLabel"],
                  pinCode: row["pinCode"], spiritPercent: row.optionalDecimal("spiritPercent"), canExport: row["canExport"],
                  dutyType: row["dutyType"], countryCode: row["countryCode"])
    }
}

/// What the sandbox holds of every signed document, SNT or universal form: the body as signed,
/// its signature, and what IS ESF adds on registration.
struct SignedDocumentColumns: Sendable {
    var body: String
    var signature: String
    var signatureType: String
    var certificate: String
    var signatureValid: Bool
    var creatorLogin: String
    var registrationNumber: String?
    var inputDate: Int64
    var lastUpdateDate: Int64
    var processAfter: Int64?
    var cancelReason: String?

    init(row: Row) {
        body = row["body"]
        signature = row["signature"]
        signatureType = row["signatureType"]
        certificate = row["certificate"]
        signatureValid = row["signatureValid"]
        creatorLogin = row["creatorLogin"]
        registrationNumber = row["registrationNumber"]
        inputDate = row["inputDate"]
        lastUpdateDate = row["lastUpdateDate"]
        processAfter = row["processAfter"]
        cancelReason = row["cancelReason"]
    }
}

/// An SNT as the sandbox holds it: the signed body and what IS ESF adds (domain.md §8.2).
@dynamicMemberLookup
struct SntRow: FetchableRecord, Sendable {
    var sntId: Int64
    var number: String
    var date: String
    var sntType: String?
    var sellerTin: String?
    var customerTin: String?
    var signerName: String?
    var creatorTin: String
    var status: SntStatus
    var acceptanceProducer: String?
    var acceptanceDate: Int64?
    var acceptanceName: String?
    var companySignature: String?
    var operatorSignature: String?
    var powerOfAttorneyNumber: String?
    var powerOfAttorneyDate: String?

    let signed: SignedDocumentColumns

    init(row: Row) {
        signed = SignedDocumentColumns(row: row)
        sntId = row["sntId"]
        number = row["number"]
        date = row["date"]
        sntType = row["sntType"]
        sellerTin = row["sellerTin"]
        customerTin = row["customerTin"]
        signerName = row["signerName"]
        creatorTin = row["creatorTin"]
        status = SntStatus(rawValue: row["status"]) ?? .created
        acceptanceProducer = row["acceptanceProducer"]
        acceptanceDate = row["acceptanceDate"]
        acceptanceName = row["acceptanceName"]
        companySignature = row["companySignature"]
        operatorSignature = row["operatorSignature"]
        powerOfAttorneyNumber = row["powerOfAttorneyNumber"]
        powerOfAttorneyDate = row["powerOfAttorneyDate"]
    }

    subscript<Value>(dynamicMember column: KeyPath<SignedDocumentColumns, Value>) -> Value { signed[keyPath: column] }

    static func find(_ sntId: Int64, in db: Database) throws -> SntRow? {
        try fetchOne(db, sql: "SELECT * FROM snt WHERE sntId = ?", arguments: [sntId])
    }

    /// Whether `tin` may see the SNT: who uploaded it always, its receiver once it is registered.
    /// (An SNT naming another seller than its uploader fails the checks and stays the uploader's.)
    func isVisible(to tin: String) -> Bool {
        creatorTin == tin || (customerTin == tin && signed.registrationNumber != nil)
    }

    /// The same as SQL conditions on `:tin`, one per direction of `queryUpdate`.
    static let outbound = "creatorTin = :tin"
    static let inbound = "customerTin = :tin AND creatorTin <> :tin AND registrationNumber IS NOT NULL"

    /// The per-document errors of a failed SNT.
    static func errors(of sntId: Int64, in db: Database) throws -> [SandboxWireError] {
        try Row.fetchAll(db, sql: "SELECT property, errorCode, text FROM snt_error WHERE sntId = ? ORDER BY position",
                         arguments: [sntId]).map {
            SandboxWireError(property: $0["property"], errorCode: $0["errorCode"], text: $0["text"])
        }
    }
}

/// A universal form as the sandbox holds it (`uFormInfo`, domain.md §10).
@dynamicMemberLookup
struct UFormRow: FetchableRecord, Sendable {
    var id: Int64
    var number: String
    var date: String
    var type: String?
    var tin: String
    var status: UFormStatus

    let signed: SignedDocumentColumns

    init(row: Row) {
        signed = SignedDocumentColumns(row: row)
        id = row["id"]
        number = row["number"]
        date = row["date"]
        type = row["type"]
        tin = row["tin"]
        status = UFormStatus(rawValue: row["status"]) ?? .created
    }

    subscript<Value>(dynamicMember column: KeyPath<SignedDocumentColumns, Value>) -> Value { signed[keyPath: column] }

    static func find(_ id: Int64, in db: Database) throws -> UFormRow? {
        try fetchOne(db, sql: "SELECT * FROM uform WHERE id = ?", arguments: [id])
    }

    static func errors(of id: Int64, in db: Database) throws -> [SandboxWireError] {
        try Row.fetchAll(db, sql: "SELECT property, errorCode, text FROM uform_error WHERE uformId = ? ORDER BY position",
                         arguments: [id]).map {
            SandboxWireError(property: $0["property"], errorCode: $0["errorCode"], text: $0["text"])
        }
    }
}
