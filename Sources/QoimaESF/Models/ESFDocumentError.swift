import QoimaXML

/// One error IS ESF reports about one document (domain.md §6): an `error` item with
/// `property`, `errorCode` and `text`. UForm `notification` items (`notificationCode`) read the same way.
public struct ESFDocumentError: Hashable, Sendable, Codable {
    /// The field it concerns, in IS ESF's notation (see `SntErrorMapping`).
    public var property: String?
    public var code: String?
    public var text: String

    public init(property: String? = nil, code: String? = nil, text: String) {
        self.property = property
        self.code = code
        self.text = text
    }

    init(_ view: SOAPElementView, code: String = "errorCode") {
        property = view.string("property")
        self.code = view.string(code) ?? view.string("code")
        text = view.string("text") ?? view.string("description") ?? ""
    }
}
