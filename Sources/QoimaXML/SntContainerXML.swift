import Foundation
import QoimaCore

/// The portal's file container (domain.md §5.6, reported): `snt:sntInfoContainer` →
/// `sntInfoSet` → `sntInfo*`, each with `version` and `documentInfo/sntBody`, the SntV1 body
/// as text (CDATA). All names are in `AssumedNames.Container`.
public enum SntContainerXML {
    /// A container holding `snts` in canonical form, with an XML declaration (it is a file, not a
    /// signed body).
    public static func container(of snts: [Snt]) -> String {
        container(ofBodies: snts.map(SntXMLWriter.body(of:)))
    }

    /// A container holding SntV1 `bodies` exactly as given (as stored, as received).
    public static func container(ofBodies bodies: [String]) -> String {
        typealias Names = AssumedNames.Container
        var out = CanonicalXMLBuilder(capacity: 256 + bodies.reduce(0) { $0 + $1.utf8.count + 128 })
        out.raw(#"<?xml version="1.0" encoding="UTF-8"?>"#)
        let root = Names.prefix + ":" + Names.root
        out.open(root, attributes: [("xmlns:" + Names.prefix, Names.namespace)])
        out.open(Names.set)
        for body in bodies {
            out.open(Names.entry)
            out.leaf(Names.version, AssumedNames.sntVersion)
            out.open(Names.documentInfo)
            out.open(Names.body)
            out.cdata(body)
            out.close(Names.body)
            out.close(Names.documentInfo)
            out.close(Names.entry)
        }
        out.close(Names.set)
        out.close(root)
        return out.xml
    }

    /// The documents of a parsed container, numbered from 1. Each body is parsed on its own, with
    /// the same limits and on every core; one that fails becomes that document's error, the
    /// others still read. Unknown elements of the container itself are ignored: only the bodies
    /// are checked.
    public static func documents(in root: XMLTree.Element, limits: XMLLimits = .standard) -> [SntFileDocument] {
        typealias Names = AssumedNames.Container
        let entries = root.children.filter { $0.localName == Names.set }
            .flatMap { $0.children.filter { $0.localName == Names.entry } }
        let documents = entries.enumerated().map { index, entry in
            var document = SntFileDocument(number: index + 1, line: entry.line, result: .failure(
                XMLInputError(.missingElement(Names.documentInfo + "/" + Names.body), line: entry.line)))
            if let version = entry.child(named: Names.version)?.text, version != AssumedNames.sntVersion {
                document.result = .failure(XMLInputError(.unsupportedVersion(version), line: entry.line))
                return document
            }
            guard let info = entry.child(named: Names.documentInfo) else { return document }
            document.portalInfo = portalInfo(info)
            document.body = info.child(named: Names.body)?.text
            return document
        }
        return documents.parallelMap { document in
            guard let body = document.body else { return document }
            var decoded = document
            do throws(XMLInputError) {
                decoded.result = .success(try SntXMLReader.read(Array(body.utf8), limits: limits))
            } catch {
                decoded.result = .failure(error)
            }
            return decoded
        }
    }

    private static func portalInfo(_ info: XMLTree.Element) -> SntFileDocument.PortalInfo? {
        typealias Names = AssumedNames.Container
        func text(_ name: String) -> String? {
            info.child(named: name).map(\.text).flatMap { $0.isEmpty ? nil : $0 }
        }
        let errors = info.child(named: Names.errors).map(allText).flatMap { $0.isEmpty ? nil : $0 }
        let portal = SntFileDocument.PortalInfo(
            creatorLogin: text(Names.creatorLogin), creatorTin: text(Names.creatorTin).map(TaxpayerNumber.init),
            signatureValid: text(Names.signatureValid).flatMap { ["true": true, "false": false][$0] }, errors: errors)
        return portal == SntFileDocument.PortalInfo() ? nil : portal
    }

    /// The texts inside an element and all its descendants, trimmed, joined with "; ".
    private static func allText(_ element: XMLTree.Element) -> String {
        element.content.compactMap { node -> String? in
            switch node {
            case let .element(child): let text = allText(child); return text.isEmpty ? nil : text
            case let .text(text):
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                return trimmed.isEmpty ? nil : trimmed
            }
        }.joined(separator: "; ")
    }
}
