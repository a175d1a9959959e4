import GtkKit
import QoimaCore

/// How the forms page and editor name the kinds of universal forms, their write-off reasons,
/// detailing types and statuses, in the words of IS ESF's own portal.
enum FormWords {
    /// A label of the forms' enumerations in the interface's language.
    static func text(_ label: LocalizedText) -> String { label.text(in: DeskExchange.language) }

    static func title(of kind: UFormType) -> String { text(kind.label) }
    static func title(of reason: WriteOffReason) -> String { text(reason.label) }
    static func title(of detailing: DetailingType) -> String { text(detailing.label) }
    static func title(of detail: WriteOffDetail) -> String { text(detail.label) }

    /// What the two line tables of a form are called: inputs and outputs for production and
    /// detailing, one table of goods otherwise.
    static func linesTitle(of kind: UFormType?, side: FormLineSide) -> String {
        switch (kind, side) {
        case (.manufacture, .sources): tr("Used up (inputs)")
        case (.manufacture, .products): tr("Produced (outputs)")
        case (.detailing, .sources): tr("Taken from stock")
        case (.detailing, .products): tr("Put in stock as")
        case (.balance, _): tr("Opening balances")
        case (.balanceCorrection, _): tr("Corrected balances")
        case (.movement, _): tr("Goods moved")
        case (.writeOff, _): tr("Goods written off")
        default: tr("Goods")
        }
    }
}

/// How a form's status looks: the same pill and colours as an SNT's (`SntStatusBadge`).
enum FormStatusBadge {
    static func family(of status: UFormStatus) -> SntStatusBadge.Family {
        switch status {
        case .processed: .success
        case .created, .inProcessing, .waitInStock, .waitDocument: .warning
        case .failed, .canceled: .error
        case .draft: .dim
        }
    }

    static func styleClass(of status: UFormStatus) -> String { "status-" + family(of: status).rawValue }

    static func text(of status: UFormStatus) -> String { FormWords.text(status.label) }
}
