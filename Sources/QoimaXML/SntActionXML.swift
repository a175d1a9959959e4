import Foundation
import QoimaCore

/// The signed `sntAction` body sent with `changeStatus` (domain.md §5.6): root `sntAction` in
/// `v1.snt`, children `sntId`, `actionType`, `originalDocumentSignature`, `powerOfAttorneyDate`,
/// `powerOfAttorneyNumber`, `cause`, in that order.
public enum SntActionXML {
    public static func body(of action: SntAction) -> String {
        var out = CanonicalXMLBuilder(capacity: 512 + (action.originalDocumentSignature?.utf8.count ?? 0))
        let root = SntSchema.prefix + ":" + SntSchema.actionRoot
        out.open(root, attributes: [("xmlns:" + SntSchema.prefix, SntSchema.namespace)])
        out.leaf("sntId", action.sntId)
        out.leaf("actionType", action.kind)
        out.leaf("originalDocumentSignature", action.originalDocumentSignature)
        out.leaf("powerOfAttorneyDate", action.powerOfAttorneyDate)
        out.leaf("powerOfAttorneyNumber", action.powerOfAttorneyNumber)
        out.leaf("cause", action.cause)
        out.close(root)
        return out.xml
    }

    /// An action read from XML. `action` is nil when `sntId` or `actionType` is missing or does
    /// not decode; `problems` says which.
    public struct Decoded: Hashable, Sendable {
        public var action: SntAction?
        public var problems: [SntProblem]
    }

    public static func read(_ bytes: some ContiguousBytes, limits: XMLLimits = .standard) throws(XMLInputError)
        -> Decoded {
        try decode(XMLTree(parsing: bytes, limits: limits).root)
    }

    public static func read(_ text: String, limits: XMLLimits = .standard) throws(XMLInputError) -> Decoded {
        try read(Array(text.utf8), limits: limits)
    }

    public static func decode(_ root: XMLTree.Element) throws(XMLInputError) -> Decoded {
        try SntXMLReader.expectRoot(root, SntSchema.actionRoot, namespace: SntSchema.namespace)
        let decoder = SntXMLDecoder()
        func at(_ name: String) -> ProblemLocation { ProblemLocation(Fields.all[name] ?? Fields.action) }
        var sntId: Int64?
        var kind: SntActionKind?
        var action = SntAction(sntId: 0, kind: .confirm)
        var seen: Set<String> = []
        decoder.children(of: root, path: nil, order: SntSchema.action, location: at) { child, path in
            let name = path.name
            seen.insert(name)
            switch name {
            case "sntId": sntId = decoder.integer(child, path: path, at(name))
            case "actionType": kind = decoder.enumeration(child, path: path, at(name))
            case "originalDocumentSignature":
                action.originalDocumentSignature = decoder.string(child, path: path, at(name))
            case "powerOfAttorneyDate": action.powerOfAttorneyDate = decoder.date(child, path: path, at(name))
            case "powerOfAttorneyNumber": action.powerOfAttorneyNumber = decoder.string(child, path: path, at(name))
            default: action.cause = decoder.string(child, path: path, at(name))
            }
        }
        for name in ["sntId", "actionType"] where !seen.contains(name) {
            decoder.report(SntDecodingRules.missing, at(name), path: name, line: root.line)
        }
        guard let sntId, let kind else { return Decoded(action: nil, problems: decoder.problems) }
        action.sntId = sntId
        action.kind = kind
        return Decoded(action: action, problems: decoder.problems)
    }

    /// Fields of the action body, for problems; the SNT form has no numbers for them.
    public enum Fields {
        public static let action = SntField("sntAction", "sntAction")
        public static let sntId = SntField("sntId", "sntAction.sntId")
        public static let actionType = SntField("actionType", "sntAction.actionType")
        public static let originalDocumentSignature = SntField("originalDocumentSignature",
                                                               "sntAction.originalDocumentSignature")
        public static let powerOfAttorneyDate = SntField("powerOfAttorneyDate", "sntAction.powerOfAttorneyDate")
        public static let powerOfAttorneyNumber = SntField("powerOfAttorneyNumber", "sntAction.powerOfAttorneyNumber")
        public static let cause = SntField("cause", "sntAction.cause")

        static let all: [String: SntField] = [
            "sntId": sntId, "actionType": actionType, "originalDocumentSignature": originalDocumentSignature,
            "powerOfAttorneyDate": powerOfAttorneyDate, "powerOfAttorneyNumber": powerOfAttorneyNumber, "cause": cause,
        ]
    }
}
