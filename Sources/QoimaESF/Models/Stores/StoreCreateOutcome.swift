import QoimaXML

/// IS ESF's answer to `create`: the warehouses it created and those it denied, with why.
public struct StoreCreateOutcome: Hashable, Sendable {
    public var accepted: [StoreCreateResult]
    public var denied: [StoreCreateResult]

    public init(accepted: [StoreCreateResult] = [], denied: [StoreCreateResult] = []) {
        self.accepted = accepted
        self.denied = denied
    }

    init(_ response: SOAPElementView) throws(ESFAnswerProblem) {
        var accepted: [StoreCreateResult] = []
        for view in response.items("acceptedList", "store") { accepted.append(try StoreCreateResult(view)) }
        var denied: [StoreCreateResult] = []
        for view in response.items("deniedList", "storeValidationResult") { denied.append(try StoreCreateResult(view)) }
        self.init(accepted: accepted, denied: denied)
    }
}

/// One warehouse of a `create`: matched to the request by `name`.
public struct StoreCreateResult: Hashable, Sendable {
    /// The new store id; nil when denied.
    public var id: Int64?
    public var name: String?
    public var parentStoreId: Int64?
    public var errors: [ESFDocumentError]

    public init(id: Int64? = nil, name: String? = nil, parentStoreId: Int64? = nil, errors: [ESFDocumentError] = []) {
        self.id = id
        self.name = name
        self.parentStoreId = parentStoreId
        self.errors = errors
    }

    init(_ view: SOAPElementView) throws(ESFAnswerProblem) {
        self.init(id: try view.int64("id"), name: view.string("name"), parentStoreId: try view.int64("parentStoreId"),
                  errors: try view.documentErrors("errorList"))
    }
}
