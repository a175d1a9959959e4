import QoimaXML

/// Activate or deactivate one warehouse (`action` of `taxpayerStoreChangeStatusRequest`).
public struct StoreStatusAction: Hashable, Sendable {
    public var storeId: Int64
    public var activate: Bool

    public init(storeId: Int64, activate: Bool) {
        self.storeId = storeId
        self.activate = activate
    }

    /// `actionType` then `storeId` (domain.md §9.1).
    var element: SOAPElement {
        SOAPElement("action") {
            SOAPElement("actionType", activate ? "ACTIVATE" : "DEACTIVATE")
            SOAPElement("storeId", String(storeId))
        }
    }
}

/// IS ESF's answer for one warehouse of `changeStatus`.
public struct StoreStatusChange: Hashable, Sendable {
    public var storeId: Int64
    public var isStatusChanged: Bool
    /// `VALID` or `INVALID`, as the warehouse now stands.
    public var status: String?
    public var errors: [ESFDocumentError]

    public init(storeId: Int64, isStatusChanged: Bool, status: String? = nil, errors: [ESFDocumentError] = []) {
        self.storeId = storeId
        self.isStatusChanged = isStatusChanged
        self.status = status
        self.errors = errors
    }

    /// Required: `id`, `isStatusChanged`.
    init(_ view: SOAPElementView) throws(ESFAnswerProblem) {
        self.init(storeId: try view.requiredInt64("id"), isStatusChanged: try view.requiredBool("isStatusChanged"),
                  status: view.string("status"), errors: try view.documentErrors("errorList"))
    }
}
