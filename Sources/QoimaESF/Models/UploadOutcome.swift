import QoimaXML

/// What IS ESF answered to an upload of SNTs or forms: each document accepted (it got an id and
/// is processed further, asynchronously) or declined (with its errors).
public struct UploadOutcome: Hashable, Sendable {
    public var accepted: [UploadResult]
    public var declined: [UploadResult]

    public init(accepted: [UploadResult] = [], declined: [UploadResult] = []) {
        self.accepted = accepted
        self.declined = declined
    }

    /// Reads `acceptedList/item*` and `declinedList/item*`.
    init(_ response: SOAPElementView, item: String, id: String) throws(ESFAnswerProblem) {
        var accepted: [UploadResult] = []
        for view in response.items("acceptedList", item) { accepted.append(try UploadResult(view, id: id)) }
        var declined: [UploadResult] = []
        for view in response.items("declinedList", item) { declined.append(try UploadResult(view, id: id)) }
        self.init(accepted: accepted, declined: declined)
    }
}

/// One document of an upload. IS ESF echoes the document's own `number` and `date`, which is
/// how a result is matched to the document sent.
public struct UploadResult: Hashable, Sendable {
    /// `sntId` or the form's `id`; nil for a declined document.
    public var id: Int64?
    public var number: String?
    /// The document's date as written in it (`dd.MM.yyyy`).
    public var date: String?
    public var errors: [ESFDocumentError]
    /// UForm uploads only: warnings that did not stop the form.
    public var notifications: [ESFDocumentError]

    public init(id: Int64? = nil, number: String? = nil, date: String? = nil, errors: [ESFDocumentError] = [],
                notifications: [ESFDocumentError] = []) {
        self.id = id
        self.number = number
        self.date = date
        self.errors = errors
        self.notifications = notifications
    }

    init(_ view: SOAPElementView, id: String) throws(ESFAnswerProblem) {
        self.init(id: try view.int64(id), number: view.string("number"), date: view.string("date"),
                  errors: try view.documentErrors("errorList"),
                  notifications: try view.documentErrors("notificationList", item: "notification",
                                                         code: "notificationCode"))
    }
}
