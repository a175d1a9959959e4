import Foundation
import QoimaCore

/// Reads the SNTs in a file, whichever form it has: a bare SntV1 body (one document, no number)
/// or a portal container (documents numbered from 1). Throws only when the file as a whole
/// cannot be read: too large, not well-formed XML, or neither form; a broken body inside a
/// container is that document's error.
public enum SntFileReader {
    public static func read(_ bytes: some ContiguousBytes, limits: XMLLimits = .standard) throws(XMLInputError)
        -> [SntFileDocument] {
        let root = try XMLTree(parsing: bytes, limits: limits).root
        switch root.localName {
        case SntSchema.root:
            let text = bytes.withUnsafeBytes { String(validating: $0.bindMemory(to: UInt8.self), as: UTF8.self) }
            return [SntFileDocument(result: .success(try SntXMLReader.decode(root)), body: text)]
        case AssumedNames.Container.root:
            // The container's namespace is only reported, so any is accepted.
            return SntContainerXML.documents(in: root, limits: limits)
        default:
            throw XMLInputError(.unexpectedRoot(
                found: root.localName, namespace: root.namespaceURI,
                expected: "\(SntSchema.root) (namespace \"\(SntSchema.namespace)\") or \(AssumedNames.Container.root)"),
                line: root.line)
        }
    }

    /// Reads the file at `path`, checking its size against `limits` before loading it.
    public static func read(fileAt path: String, limits: XMLLimits = .standard) throws(XMLInputError)
        -> [SntFileDocument] {
        let bytes: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if attributes[.type] as? FileAttributeType == .typeDirectory {
                throw XMLInputError(.unreadable("it is a folder"))
            }
            if let size = (attributes[.size] as? NSNumber)?.intValue, size > limits.maxBytes {
                throw XMLInputError(.tooLarge(bytes: size, limit: limits.maxBytes))
            }
            bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch let error as XMLInputError {
            throw error
        } catch {
            throw XMLInputError(.unreadable((error as NSError).localizedDescription))
        }
        return try read(bytes, limits: limits)
    }
}
