import Foundation
import QoimaCore
import QoimaStore
import QoimaXML

// IS ESF's answers in the forms the store keeps.

extension SntErrorMapping {
    /// An IS ESF error with the form field and line it maps to, as the store keeps it.
    public static func exchangeError(_ error: ESFDocumentError) -> ExchangeError {
        let mapped = map(error)
        return ExchangeError(property: error.property, code: error.code, text: mapped.message(in: .russian),
                             field: mapped.field?.code, line: mapped.lineNumber)
    }
}

extension ExchangedSnt {
    /// IS ESF's SNT as the store keeps it, with its errors mapped to form fields. A status Qoima
    /// does not know is kept as CREATED (still with IS ESF), never as a final one.
    public init(_ remote: RemoteSnt) {
        self.init(esfId: remote.sntId, registrationNumber: remote.registrationNumber, status: remote.status ?? .created,
                  inputDate: remote.inputDate, lastUpdateDate: remote.lastUpdateDate, cancelReason: remote.cancelReason,
                  body: remote.body, signature: remote.signature, acceptance: remote.acceptance,
                  errors: remote.errors.map(SntErrorMapping.exchangeError))
    }
}

extension StoredWarehouse {
    public init(_ store: RemoteStore) {
        var signs: [String: String] = [:]
        let flags: [(String, Bool?)] = [
            ("isInherited", store.isInherited), ("isJointStore", store.isJointStore),
            ("isPostingGoods", store.isPostingGoods), ("isCooperativeStore", store.isCooperativeStore),
            ("isRawMaterials", store.isRawMaterials), ("isPublicStore", store.isPublicStore),
        ]
        for case let (name, true?) in flags { signs[name] = "true" }
        let texts: [(String, String?)] = [
            ("lesseeTin", store.lesseeTin), ("lesseeContractNumber", store.lesseeContractNumber),
            ("lesseeContractDate", store.lesseeContractDate), ("parentId", store.parentId.map(String.init)),
            ("alcoholLicenseId", store.alcoholLicenseId.map(String.init)), ("oilOvdId", store.oilOvdId.map(String.init)),
            ("tobaccoOvdId", store.tobaccoOvdId.map(String.init)), ("documentId", store.documentId.map(String.init)),
        ]
        for case let (name, value?) in texts where !value.isEmpty { signs[name] = value }
        if !store.permittedTins.isEmpty { signs["permittedTinList"] = store.permittedTins.joined(separator: ",") }
        self.init(storeId: store.id, name: store.storeName ?? "", typeCode: store.storeTypeCode ?? "",
                  status: store.status ?? "", address: store.address ?? "",
                  responsiblePersonIin: store.responsiblePersonIin, isDefault: store.isDefault ?? false, signs: signs)
    }
}

extension StoredBalance {
    public init(_ balance: RemoteBalance) {
        var details: [String: String] = [:]
        let texts: [(String, String?)] = [
            ("manufactureOrImportDocNumber", balance.manufactureOrImportDocNumber),
            ("productNumberInImportDoc", balance.productNumberInImportDoc),
            ("productNameInImportDoc", balance.productNameInImportDoc), ("physicalLabel", balance.physicalLabel),
            ("pinCode", balance.pinCode), ("spiritPercent", balance.spiritPercent.map(DecimalText.format)),
            ("canExport", balance.canExport.map { $0 ? "true" : "false" }), ("dutyType", balance.dutyType),
            ("countryCode", balance.countryCode), ("projectCode", balance.projectCode),
        ]
        for case let (name, value?) in texts where !value.isEmpty { details[name] = value }
        self.init(balanceId: balance.balanceId, storeId: balance.taxpayerStoreId, batch: balance.productId,
                  name: balance.name ?? "", kpvedCode: balance.kpvedCode, tnvedCode: balance.tnvedCode,
                  gtin: balance.gtinCode, measureUnitCode: balance.measureUnitCode, unitPrice: balance.unitPrice,
                  quantity: balance.quantity, reserveQuantity: balance.reserveQuantity, details: details)
    }
}

extension StoredMeasureUnit {
    public init(_ unit: RemoteMeasureUnit) {
        self.init(code: unit.code, nameKz: unit.nameKz ?? "", nameRu: unit.nameRu ?? "", codeMkei: unit.codeMkei,
                  codeOkei: unit.codeOkei, codeTis: unit.codeTis, lastUpdateDate: unit.lastUpdateDate)
    }
}

extension StoredGsvsEntry {
    /// The entry a change carries; nil when it carries none (a bare deletion notice).
    public init?(_ change: GsvsChange) {
        guard let entry = change.entry, let id = entry.id ?? entry.fixedId, let code = entry.gsvsCode else { return nil }
        var details: [String: String] = [:]
        let flags: [(String, Bool?)] = [
            ("isCanSelect", entry.isCanSelect), ("isExcisable", entry.isExcisable),
            ("isSociallySignificant", entry.isSociallySignificant), ("isTwofoldPurpose", entry.isTwofoldPurpose),
            ("isUnique", entry.isUnique), ("isUseInVstore", entry.isUseInVstore), ("isWithdrawal", entry.isWithdrawal),
        ]
        for case let (name, value?) in flags { details[name] = value ? "true" : "false" }
        if let kind = entry.kpvedTypeCode { details["kpvedTypeCode"] = kind }
        if let description = entry.description { details["description"] = description }
        if let start = entry.startDate { details["startDate"] = ESFDateTime.text(of: start) }
        if let end = entry.endDate { details["endDate"] = ESFDateTime.text(of: end) }
        self.init(id: id, gsvsCode: code, typeCode: entry.gsvsTypeCode ?? "", code: entry.code, fixedId: entry.fixedId,
                  fixedParentId: entry.fixedParentId, nameKz: entry.nameKz ?? "", nameRu: entry.nameRu ?? "",
                  nameEn: entry.nameEn ?? "", isDeleted: entry.isDeleted == true || change.operation == "DELETE",
                  details: details, changeId: change.changeId)
    }
}
