import Foundation
import QoimaXML

/// Units of measure changed since a date (`queryMeasureUnitUpdates`, domain.md §9.3), in one
/// answer (assumed, U8).
public struct MeasureUnitUpdates: Hashable, Sendable {
    public var units: [RemoteMeasureUnit]
    /// Pass it back as `updatedAfter` next time.
    public var lastUpdateDate: Date?

    public init(units: [RemoteMeasureUnit], lastUpdateDate: Date?) {
        self.units = units
        self.lastUpdateDate = lastUpdateDate
    }

    init(_ response: SOAPElementView) throws(ESFAnswerProblem) {
        var units: [RemoteMeasureUnit] = []
        for view in response.items("measureUnitList", "measureUnitUpdatesResult") {
            units.append(try RemoteMeasureUnit(view))
        }
        self.init(units: units, lastUpdateDate: try response.dateTime("lastUpdateDate"))
    }
}

/// One unit of measure of IS ESF's dictionary.
public struct RemoteMeasureUnit: Hashable, Sendable {
    /// The code SNT lines and forms carry (`measureUnitCode`).
    public var code: String
    public var nameKz: String?
    public var nameRu: String?
    public var codeMkei: String?
    public var codeOkei: String?
    public var codeTis: String?
    public var lastUpdateDate: Date?

    public init(code: String, nameKz: String? = nil, nameRu: String? = nil, codeMkei: String? = nil,
                codeOkei: String? = nil, codeTis: String? = nil, lastUpdateDate: Date? = nil) {
        self.code = code
        self.nameKz = nameKz
        self.nameRu = nameRu
        self.codeMkei = codeMkei
        self.codeOkei = codeOkei
        self.codeTis = codeTis
        self.lastUpdateDate = lastUpdateDate
    }

    /// Required: `code`.
    init(_ view: SOAPElementView) throws(ESFAnswerProblem) {
        self.init(code: try view.requiredString("code").trimmingCharacters(in: .whitespacesAndNewlines),
                  nameKz: view.string("nameKz"), nameRu: view.string("nameRu"), codeMkei: view.string("codeMkei"),
                  codeOkei: view.string("codeOkei"), codeTis: view.string("codeTis"),
                  lastUpdateDate: try view.dateTime("lastUpdateDate"))
    }
}
