import Foundation
import GRDB
import QoimaXML

/// VstoreBalanceWebService `queryCurrentStatus` (domain.md §9.2): the company's balances as a
/// full snapshot, paged by `balanceId`. Rows with neither quantity nor reserve are left out.
struct BalanceEndpoints {
    let services: SandboxServices

    func queryCurrentStatus(_ request: SOAPElementView) throws -> SOAPMessage {
        let session = try services.session(of: request, on: .vstoreBalance)
        let after = try request.optionalInteger("lastBalanceId") ?? 0
        let limit = try request.pageSize(default: SandboxAssumptions.balancePageCap,
                                         cap: SandboxAssumptions.balancePageCap)
        let rows = try services.transaction { db, _ in
            try BalanceRow.fetchAll(db, sql: """
                SELECT * FROM balance WHERE tin = ? AND balanceId > ? AND (quantity <> '0' OR reserveQuantity <> '0')
                ORDER BY balanceId LIMIT ?
                """, arguments: [session.tin, after, limit + 1])
        }
        let page = rows.prefix(limit)
        return SOAPMessage(ESFOperation.queryCurrentBalances.response, in: ESFService.vstoreBalance.namespace) {
            SOAPElement("lastBalanceId", page.last?.balanceId ?? after)
            SOAPElement("lastBlock", rows.count <= limit)
            SOAPElement("balances") { for row in page { Self.balance(row) } }
        }
    }

    /// `balance` in its element order (domain.md §9.2).
    static func balance(_ row: BalanceRow) -> SOAPElement {
        let goods = row.goods
        return SOAPElement("balance") {
            SOAPElement("balanceId", row.balanceId)
            SOAPElement("tin", row.tin)
            SOAPElement("taxpayerStoreId", row.storeId)
            SOAPElement("name", goods.name)
            SOAPElement("kpvedCode", goods.kpvedCode)
            SOAPElement("tnvedCode", goods.tnvedCode)
            if let gtin = goods.gtinCode { SOAPElement("gtinCode", gtin) }
            SOAPElement("productId", row.productId)
            SOAPElement("measureUnitCode", goods.measureUnitCode)
            SOAPElement("unitPrice", goods.unitPrice.wireText)
            SOAPElement("manufactureOrImportDocNumber", goods.manufactureOrImportDocNumber ?? "")
            SOAPElement("productNumberInImportDoc", goods.productNumberInImportDoc ?? "")
            SOAPElement("productNameInImportDoc", goods.productNameInImportDoc ?? "")
            SOAPElement("physicalLabel", goods.physicalLabel ?? "")
            SOAPElement("pinCode", goods.pinCode ?? "")
            if let spirit = goods.spiritPercent { SOAPElement("spiritPercent", spirit.wireText) }
            if let canExport = goods.canExport { SOAPElement("canExport", canExport) }
            SOAPElement("quantity", row.quantity.wireText)
            SOAPElement("reserveQuantity", row.reserveQuantity.wireText)
            if let duty = goods.dutyType { SOAPElement("dutyType", duty) }
            SOAPElement("countryCode", goods.countryCode)
        }
    }
}

/// DictWebService (domain.md §9.3): units of measure and the GSVS classifier.
struct DictionaryEndpoints {
    let services: SandboxServices
    private var namespace: SOAPNamespace { ESFService.dictionary.namespace }

    /// Every unit changed after `lastUpdateDate`, in one answer (assumed, U8), under IS ESF's
    /// misspelt wrapper `measureUtitUpdatesResponse`.
    func measureUnitUpdates(_ request: SOAPElementView) throws -> SOAPMessage {
        _ = try services.session(of: request, on: .dictionary)
        let since = try request.optionalDateTime("lastUpdateDate").map(WireTime.milliseconds) ?? 0
        let rows = try services.transaction { db, _ in
            try Row.fetchAll(db, sql: "SELECT * FROM measure_unit WHERE lastUpdateDate > ? ORDER BY code", arguments: [since])
        }
        let latest = rows.map { $0["lastUpdateDate"] as Int64 }.max() ?? since
        return SOAPMessage(ESFOperation.queryMeasureUnitUpdates.response, in: namespace) {
            SOAPElement("lastUpdateDate", WireTime.text(latest))
            SOAPElement("measureUnitList") {
                for row in rows {
                    SOAPElement("measureUnitUpdatesResult") {
                        SOAPElement("code", row["code"] as String)
                        SOAPElement("codeMkei", row["codeMkei"] as String? ?? "")
                        SOAPElement("codeOkei", row["codeOkei"] as String? ?? "")
                        SOAPElement("codeTis", row["codeTis"] as String? ?? "")
                        SOAPElement("lastUpdateDate", WireTime.text(row["lastUpdateDate"]))
                        SOAPElement("nameKz", row["nameKz"] as String)
                        SOAPElement("nameRu", row["nameRu"] as String)
                    }
                }
            }
        }
    }

    /// GSVS changes after `lastChangeId`, `blockSize` at a time; the next request's
    /// `lastChangeId` is this answer's `maxChangeId` (assumed, U8).
    func gsvsUpdates(_ request: SOAPElementView) throws -> SOAPMessage {
        _ = try services.session(of: request, on: .dictionary)
        let after = try request.optionalInteger("lastChangeId") ?? 0
        let asked = try request.optionalInteger("blockSize")
        let size = try request.pageSize("blockSize", default: SandboxAssumptions.gsvsBlockCap,
                                        cap: SandboxAssumptions.gsvsBlockCap)
        let rows = try services.transaction { db, _ in
            try Row.fetchAll(db, sql: "SELECT * FROM gsvs_change WHERE changeId > ? ORDER BY changeId LIMIT ?",
                             arguments: [after, size + 1])
        }
        let page = rows.prefix(size)
        return SOAPMessage(ESFOperation.queryGsvsUpdates.response, in: namespace) {
            SOAPElement("requestLastChangeId", after)
            SOAPElement("requestBlockSize", asked ?? Int64(size))
            SOAPElement("maxChangeId", page.last.map { $0["changeId"] as Int64 } ?? after)
            SOAPElement("lastBlock", rows.count <= size)
            SOAPElement("gsvsUpdateList") { for row in page { Self.change(row) } }
        }
    }

    private static func change(_ row: Row) -> SOAPElement {
        SOAPElement("gsvsUpdatesResult") {
            SOAPElement("changeDate", WireTime.text(row["changeDate"]))
            SOAPElement("changeId", row["changeId"] as Int64)
            SOAPElement("gsvs") {
                SOAPElement("code", row["code"] as String)
                SOAPElement("description", row["nameRu"] as String)
                SOAPElement("gsvsCode", row["gsvsCode"] as String)
                SOAPElement("gsvsTypeCode", row["gsvsTypeCode"] as String)
                SOAPElement("id", row["id"] as Int64)
                SOAPElement("fixedId", row["fixedId"] as Int64)
                if let parent = row["fixedParentId"] as Int64? { SOAPElement("fixedParentId", parent) }
                SOAPElement("kpvedTypeCode", row["kpvedTypeCode"] as String)
                SOAPElement("startDate", WireTime.text(row["startDate"]))
                SOAPElement("lastUpdateDate", WireTime.text(row["changeDate"]))
                SOAPElement("isDeleted", row["operation"] as String == "DELETE")
                SOAPElement("nameEn", row["nameEn"] as String)
                SOAPElement("nameKz", row["nameKz"] as String)
                SOAPElement("nameRu", row["nameRu"] as String)
                SOAPElement("isCanSelect", row["gsvsTypeCode"] as String != "KPVED")
                SOAPElement("isExcisable", row["isExcisable"] as Bool)
                SOAPElement("isSociallySignificant", false)
                SOAPElement("isTwofoldPurpose", false)
                SOAPElement("isUnique", false)
                SOAPElement("isUseInVstore", true)
                SOAPElement("isWithdrawal", false)
            }
            SOAPElement("operation", row["operation"] as String)
        }
    }
}
