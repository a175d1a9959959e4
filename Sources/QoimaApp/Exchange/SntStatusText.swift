import GtkKit
import QoimaCore

/// An SNT status as the portal names it (domain.md §4), and the Adwaita style class of its badge.
enum SntStatusText {
    static func label(_ status: SntStatus) -> String {
        switch status {
        case .draft: tr("Draft")
        case .imported: tr("Imported draft")
        case .created: tr("Created")
        case .failed: tr("Failed")
        case .notViewed: tr("Not viewed")
        case .delivered: tr("Delivered")
        case .confirmed: tr("Confirmed")
        case .declined: tr("Declined")
        case .confirmedByOgd: tr("Confirmed by the OGD inspector")
        case .declinedByOgd: tr("Declined by the OGD inspector")
        case .canceled: tr("Cancelled")
        case .revoked: tr("Revoked")
        }
    }

    static func styleClass(_ status: SntStatus) -> String {
        switch status {
        case .confirmed, .confirmedByOgd: "success"
        case .failed, .declined, .declinedByOgd: "error"
        case .notViewed, .delivered, .created: "warning"
        case .draft, .imported, .canceled, .revoked: "dim-label"
        }
    }
}
