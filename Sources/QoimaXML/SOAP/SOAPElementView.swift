/// A received element, read by local name: IS ESF's descendants are unqualified, but a peer that
/// qualifies them is read the same way. Text comes back exactly as sent, escaped text and CDATA
/// alike, so a signed payload (`sntBody`…) keeps every byte. Each view knows its path from the
/// body's element (`sntQueryUpdatesResponse/sntInfoList/sntInfo[2]`), which errors name.
public struct SOAPElementView {
    public let element: XMLTree.Element
    public let path: String

    init(_ element: XMLTree.Element, path: String) {
        self.element = element
        self.path = path
    }

    public var name: String { element.localName }
    public var namespaceURI: String? { element.namespaceURI }
    public var line: Int { element.line }
    /// The element's own text (its text and CDATA children, joined), untrimmed.
    public var text: String { element.text }

    /// The first child element named `name`.
    public func child(_ name: String) -> SOAPElementView? {
        element.child(named: name).map { SOAPElementView($0, path: path + "/" + name) }
    }

    /// Every child element, in document order.
    public func children() -> [SOAPElementView] {
        var seen: [String: Int] = [:]
        return element.children.map { child in
            let position = (seen[child.localName] ?? 0) + 1
            seen[child.localName] = position
            return SOAPElementView(child, path: path + "/" + child.localName + "[\(position)]")
        }
    }

    /// The child elements named `name`, in document order: a repeated field.
    public func children(_ name: String) -> [SOAPElementView] {
        element.children.filter { $0.localName == name }.enumerated().map { index, child in
            SOAPElementView(child, path: path + "/" + name + "[\(index + 1)]")
        }
    }

    /// The items of a list field, `wrapper/item*` (`sntInfoList/sntInfo*`); none when the
    /// wrapper is absent.
    public func items(_ wrapper: String, _ item: String) -> [SOAPElementView] {
        child(wrapper)?.children(item) ?? []
    }

    /// The element at a path of child names, such as `documentInfo/sntBody`; each step takes
    /// the first child of that name.
    public func element(at path: String) -> SOAPElementView? {
        try? required(path)
    }

    /// The text at `path`, or nil when an element on the way is absent. An element present but
    /// empty gives "".
    public func text(_ path: String) -> String? {
        element(at: path)?.text
    }

    /// The element at `path`; throws `.invalid(.missingElement)` naming the first absent step in
    /// full (`sntUploadResponse/acceptedList/sntUploadResult[1]/sntId`), at the line of the last
    /// element found.
    public func required(_ path: String) throws(SOAPError) -> SOAPElementView {
        // One step, the common case: no splitting.
        if !path.utf8.contains(UInt8(ascii: "/")) {
            guard let next = child(path) else { throw .missing(self.path + "/" + path, line: line) }
            return next
        }
        var current = self
        for step in path.split(separator: "/", omittingEmptySubsequences: true).map(String.init) {
            guard let next = current.child(step) else { throw .missing(current.path + "/" + step, line: current.line) }
            current = next
        }
        return current
    }

    /// The text at `path`; throws as `required(_:)` when an element on the way is absent.
    public func requiredText(_ path: String) throws(SOAPError) -> String {
        try required(path).text
    }
}
