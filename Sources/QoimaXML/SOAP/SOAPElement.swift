/// An unqualified element to write inside a SOAP body: a name with text, or with child elements
/// in the order given. IS ESF's wrappers hold only unqualified descendants (domain.md §6), so
/// elements carry no namespace; the wrapper's is on `SOAPMessage`.
///
/// Text is escaped when written (`&`, `<`, `>`, and CR as `&#xD;` so a signed payload keeps its
/// line ends), which is how document payloads such as `sntBody` travel: as text, never as markup.
public struct SOAPElement: Hashable, Sendable {
    public enum Content: Hashable, Sendable {
        case text(String)
        case children([SOAPElement])
    }

    public var name: String
    public var content: Content

    public init(_ name: String, _ text: String) {
        self.name = name
        content = .text(text)
    }

    public init(_ name: String, children: [SOAPElement]) {
        self.name = name
        content = .children(children)
    }

    /// `SOAPElement("idList") { for id in ids { SOAPElement("id", id) } }`; `if` leaves optional
    /// fields out.
    public init(_ name: String, @SOAPChildren children: () -> [SOAPElement]) {
        self.init(name, children: children())
    }

    /// A copy of a received element: text when it has no child elements, its child elements
    /// otherwise (text between them, such as indentation, is dropped).
    public init(_ received: SOAPElementView) {
        name = received.name
        content = received.element.hasChildElements
            ? .children(received.children().map(SOAPElement.init)) : .text(received.text)
    }

    func write(to out: inout CanonicalXMLBuilder) {
        out.open(name)
        switch content {
        case let .text(text): out.text(text)
        case let .children(children): for child in children { child.write(to: &out) }
        }
        out.close(name)
    }
}

/// Builds a list of child elements in the order written, with `if`, `if let` and `for`.
@resultBuilder
public enum SOAPChildren {
    public static func buildExpression(_ element: SOAPElement) -> [SOAPElement] { [element] }
    public static func buildExpression(_ elements: [SOAPElement]) -> [SOAPElement] { elements }
    public static func buildBlock(_ parts: [SOAPElement]...) -> [SOAPElement] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [SOAPElement]?) -> [SOAPElement] { part ?? [] }
    public static func buildEither(first part: [SOAPElement]) -> [SOAPElement] { part }
    public static func buildEither(second part: [SOAPElement]) -> [SOAPElement] { part }
    public static func buildArray(_ parts: [[SOAPElement]]) -> [SOAPElement] { parts.flatMap { $0 } }
}
