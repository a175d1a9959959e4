import Foundation
import QoimaXML

/// One block of changes to the GSVS goods classifier (`queryGsvsUpdates`, domain.md §9.3).
/// Loop until `lastBlock`, passing `maxChangeId` back as the next `afterChangeId` (assumed, U8).
public struct GsvsPage: Hashable, Sendable {
    public var entries: [GsvsChange]
    public var maxChangeId: Int64?
    public var lastBlock: Bool

    public init(entries: [GsvsChange], maxChangeId: Int64?, lastBlock: Bool) {
        self.entries = entries
        self.maxChangeId = maxChangeId
        self.lastBlock = lastBlock
    }

    /// Required: `lastBlock`.
    init(_ response: SOAPElementView) throws(ESFAnswerProblem) {
        var changes: [GsvsChange] = []
        for view in response.items("gsvsUpdateList", "gsvsUpdatesResult") { changes.append(try GsvsChange(view)) }
        self.init(entries: changes, maxChangeId: try response.int64("maxChangeId"),
                  lastBlock: try response.requiredBool("lastBlock"))
    }
}

/// One change to the classifier: an entry added, updated or deleted.
public struct GsvsChange: Hashable, Sendable {
    public var changeId: Int64
    public var changeDate: Date?
    /// `ADD`, `UPDATE` or `DELETE`.
    public var operation: String?
    public var entry: GsvsEntry?

    public init(changeId: Int64, changeDate: Date? = nil, operation: String? = nil, entry: GsvsEntry? = nil) {
        self.changeId = changeId
        self.changeDate = changeDate
        self.operation = operation
        self.entry = entry
    }

    /// Required: `changeId`.
    init(_ view: SOAPElementView) throws(ESFAnswerProblem) {
        self.init(changeId: try view.requiredInt64("changeId"), changeDate: try view.dateTime("changeDate"),
                  operation: view.string("operation"), entry: try view.child("gsvs").map(GsvsEntry.init))
    }
}

/// An entry of the GSVS classifier (`gsvs`).
public struct GsvsEntry: Hashable, Sendable {
    public var id: Int64?
    public var fixedId: Int64?
    /// A GTIN entry's parent is its TNVED entry.
    public var fixedParentId: Int64?
    public var code: String?
    /// `KPVED-TNVED[/GTIN]`.
    public var gsvsCode: String?
    /// `KPVED`, `TNVED` or `GTIN`.
    public var gsvsTypeCode: String?
    /// `PRODUCT` or `SERVICE`.
    public var kpvedTypeCode: String?
    public var description: String?
    public var nameKz: String?
    public var nameRu: String?
    public var nameEn: String?
    public var startDate: Date?
    public var endDate: Date?
    public var lastUpdateDate: Date?
    public var isDeleted: Bool?
    public var isCanSelect: Bool?
    public var isExcisable: Bool?
    public var isSociallySignificant: Bool?
    /// Dual use.
    public var isTwofoldPurpose: Bool?
    public var isUnique: Bool?
    public var isUseInVstore: Bool?
    public var isWithdrawal: Bool?

    public init(id: Int64? = nil, fixedId: Int64? = nil, fixedParentId: Int64? = nil, code: String? = nil,
                gsvsCode: String? = nil, gsvsTypeCode: String? = nil, kpvedTypeCode: String? = nil,
                description: String? = nil, nameKz: String? = nil, nameRu: String? = nil, nameEn: String? = nil,
                startDate: Date? = nil, endDate: Date? = nil, lastUpdateDate: Date? = nil, isDeleted: Bool? = nil,
                isCanSelect: Bool? = nil, isExcisable: Bool? = nil, isSociallySignificant: Bool? = nil,
                isTwofoldPurpose: Bool? = nil, isUnique: Bool? = nil, isUseInVstore: Bool? = nil,
                isWithdrawal: Bool? = nil) {
        self.id = id
        self.fixedId = fixedId
        self.fixedParentId = fixedParentId
        self.code = code
        self.gsvsCode = gsvsCode
        self.gsvsTypeCode = gsvsTypeCode
        self.kpvedTypeCode = kpvedTypeCode
        self.description = description
        self.nameKz = nameKz
        self.nameRu = nameRu
        self.nameEn = nameEn
        self.startDate = startDate
        self.endDate = endDate
        self.lastUpdateDate = lastUpdateDate
        self.isDeleted = isDeleted
        self.isCanSelect = isCanSelect
        self.isExcisable = isExcisable
        self.isSociallySignificant = isSociallySignificant
        self.isTwofoldPurpose = isTwofoldPurpose
        self.isUnique = isUnique
        self.isUseInVstore = isUseInVstore
        self.isWithdrawal = isWithdrawal
    }

    init(_ view: SOAPElementView) throws(ESFAnswerProblem) {
        self.init(id: try view.int64("id"), fixedId: try view.int64("fixedId"),
                  fixedParentId: try view.int64("fixedParentId"), code: view.string("code"),
                  gsvsCode: view.string("gsvsCode"), gsvsTypeCode: view.string("gsvsTypeCode"),
                  kpvedTypeCode: view.string("kpvedTypeCode"), description: view.string("description"),
                  nameKz: view.string("nameKz"), nameRu: view.string("nameRu"), nameEn: view.string("nameEn"),
                  startDate: try view.dayOrDateTime("startDate"), endDate: try view.dayOrDateTime("endDate"),
                  lastUpdateDate: try view.dayOrDateTime("lastUpdateDate"), isDeleted: try view.bool("isDeleted"),
                  isCanSelect: try view.bool("isCanSelect"), isExcisable: try view.bool("isExcisable"),
                  isSociallySignificant: try view.bool("isSociallySignificant"),
                  isTwofoldPurpose: try view.bool("isTwofoldPurpose"), isUnique: try view.bool("isUnique"),
                  isUseInVstore: try view.bool("isUseInVstore"), isWithdrawal: try view.bool("isWithdrawal"))
    }
}
