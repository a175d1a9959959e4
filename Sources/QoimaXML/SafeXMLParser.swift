import CXML2

/// Parses bytes into a libxml2 tree with every door to the outside shut: a DOCTYPE stops the
/// parser before its internal subset is read (so no entity is ever declared, expanded or
/// fetched), the network is off, no DTD is loaded, and nesting is bounded.
///
/// Errors are read from the parser context (`ctxt->lastError`), never from libxml2's global
/// error state. Printing is switched off per context (`XML_PARSE_NOERROR`, `XML_PARSE_NOWARNING`
/// and a structured handler that does nothing); the few messages libxml2 raises without a
/// context go to the per-thread generic handler, which is silenced for the calling thread (and
/// as the default for new threads) — per-thread state, so no lock and no race with other parsers.
package enum SafeXMLParser {
    private static let setUp: Void = {
        xmlInitParser()
        qoima_xml_silence_generic_errors_of_new_threads()
    }()

    private static let options = Int32(bitPattern:
        XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
        | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue)

    package static func parse(_ bytes: UnsafeRawBufferPointer, limits: XMLLimits) -> Result<xmlDocPtr, XMLInputError> {
        // libxml2 takes the length as an `int`, whatever limit the caller asked for.
        let limit = min(limits.maxBytes, Int(Int32.max))
        guard bytes.count <= limit else {
            return .failure(XMLInputError(.tooLarge(bytes: bytes.count, limit: limit)))
        }
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            return .failure(XMLInputError(.malformed(code: Int(XML_ERR_DOCUMENT_EMPTY.rawValue),
                                                     detail: "Document is empty"), line: 1, column: 1))
        }
        _ = setUp
        qoima_xml_silence_generic_errors()
        guard let context = xmlCreateMemoryParserCtxt(base.assumingMemoryBound(to: CChar.self), Int32(bytes.count))
        else {
            return .failure(XMLInputError(.malformed(code: Int(XML_ERR_NO_MEMORY.rawValue),
                                                     detail: "libxml2 could not create a parser")))
        }
        defer { xmlFreeParserCtxt(context) }
        xmlCtxtUseOptions(context, options)

        let watch = ParseWatch(maxDepth: limits.maxDepth)
        context.pointee._private = Unmanaged.passUnretained(watch).toOpaque()
        installHooks(context.pointee.sax)
        withExtendedLifetime(watch) { _ = xmlParseDocument(context) }

        let document = context.pointee.myDoc
        context.pointee.myDoc = nil
        if let refusal = watch.refusal {
            xmlFreeDoc(document)
            return .failure(refusal)
        }
        guard let document, context.pointee.wellFormed != 0 else {
            xmlFreeDoc(document)
            return .failure(lastError(of: context))
        }
        return .success(document)
    }

    private static func installHooks(_ sax: UnsafeMutablePointer<xmlSAXHandler>?) {
        guard let sax else { return }
        sax.pointee.serror = { _, _ in }
        sax.pointee.externalSubset = nil
        // Called on `<!DOCTYPE name …`, before any `[ … ]` internal subset is parsed.
        sax.pointee.internalSubset = { userData, _, _, _ in
            ParseWatch.refuse(userData) { _ in .doctype }
        }
        sax.pointee.startElementNs = { userData, name, prefix, uri, namespaceCount, namespaces,
                                       attributeCount, defaultedCount, attributes in
            xmlSAX2StartElementNs(userData, name, prefix, uri, namespaceCount, namespaces,
                                  attributeCount, defaultedCount, attributes)
            guard let context = userData?.assumingMemoryBound(to: xmlParserCtxt.self),
                  let watch = ParseWatch.of(context), context.pointee.nodeNr > watch.maxDepth else { return }
            ParseWatch.refuse(userData) { .tooDeep(limit: $0.maxDepth) }
        }
    }

    private static func lastError(of context: xmlParserCtxtPtr) -> XMLInputError {
        let error = context.pointee.lastError
        var detail = error.message.map { String(cString: $0) } ?? "unknown error"
        while detail.last?.isWhitespace == true { detail.removeLast() }
        return XMLInputError(.malformed(code: Int(error.code), detail: detail),
                             line: error.line > 0 ? Int(error.line) : nil,
                             column: error.int2 > 0 ? Int(error.int2) : nil)
    }
}

/// State the SAX hooks share with `SafeXMLParser.parse`, reached through the context's `_private`.
private final class ParseWatch {
    let maxDepth: Int
    var refusal: XMLInputError?

    init(maxDepth: Int) { self.maxDepth = maxDepth }

    static func of(_ context: xmlParserCtxtPtr) -> ParseWatch? {
        context.pointee._private.map { Unmanaged<ParseWatch>.fromOpaque($0).takeUnretainedValue() }
    }

    /// Records why parsing stops, where the parser is, and stops it.
    static func refuse(_ userData: UnsafeMutableRawPointer?, _ reason: (ParseWatch) -> XMLInputError.Reason) {
        guard let context = userData?.assumingMemoryBound(to: xmlParserCtxt.self), let watch = of(context) else { return }
        if watch.refusal == nil {
            let input = context.pointee.input?.pointee
            watch.refusal = XMLInputError(reason(watch), line: input.map { Int($0.line) },
                                          column: input.map { Int($0.col) })
        }
        xmlStopParser(context)
    }
}
