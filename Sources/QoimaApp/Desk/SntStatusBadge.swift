import GtkKit
import QoimaCore
import QoimaStore

/// How a status looks in the lists and on a document: its name in the user's language on a pill coloured by what
/// it means for the user (`resources/style.css`, `.badge.status-*`).
enum SntStatusBadge {
    enum Family: String {
        /// Done and accepted.
        case success
        /// Waiting for IS ESF or for the other party.
        case warning
        /// Refused, failed or withdrawn: needs attention.
        case error
        /// Not sent, or no longer in force.
        case dim
    }

    static func family(of status: SntStatus) -> Family {
        switch status {
        case .confirmed, .confirmedByOgd: .success
        case .created, .notViewed, .delivered: .warning
        case .failed, .declined, .declinedByOgd, .revoked: .error
        case .draft, .imported, .canceled: .dim
        }
    }

    /// The CSS class of the status's family.
    static func styleClass(of status: SntStatus) -> String { "status-" + family(of: status).rawValue }

    /// The status's name as IS ESF's users know it.
    static func text(of status: SntStatus) -> String {
        switch status {
        case .draft: tr("Draft")
        case .imported: tr("Imported")
        case .created: tr("Created")
        case .failed: tr("Failed checks")
        case .notViewed: tr("Not viewed")
        case .delivered: tr("Delivered")
        case .confirmed: tr("Confirmed")
        case .declined: tr("Declined")
        case .confirmedByOgd: tr("Confirmed by SRA")
        case .declinedByOgd: tr("Declined by SRA")
        case .canceled: tr("Cancelled")
        case .revoked: tr("Revoked")
        }
    }

    static func cell(_ status: SntStatus) -> BigTable<SntListRow>.Cell {
        BigTable<SntListRow>.Cell(text(of: status), styleClasses: [styleClass(of: status)])
    }
}
