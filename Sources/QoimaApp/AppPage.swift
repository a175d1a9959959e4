import GtkKit

/// The pages of the main window's sidebar, in sidebar order. Until a page's own work lands,
/// it is a status page that tells the user what will be there.
public enum AppPage: String, CaseIterable, Sendable {
    case outgoing, incoming, drafts, warehouses, forms, magazine

    public var title: String {
        switch self {
        case .outgoing: tr("Outgoing SNT")
        case .incoming: tr("Incoming SNT")
        case .drafts: tr("Drafts")
        case .warehouses: tr("Warehouses")
        case .forms: tr("Forms")
        case .magazine: tr("Paper Magazine")
        }
    }

    public var iconName: String {
        switch self {
        case .outgoing: "mail-send-symbolic"
        case .incoming: "folder-download-symbolic"
        case .drafts: "document-edit-symbolic"
        case .warehouses: "package-x-generic-symbolic"
        case .forms: "x-office-spreadsheet-symbolic"
        case .magazine: "accessories-dictionary-symbolic"
        }
    }

    /// What the page will hold, shown on its status page.
    public var placeholder: String {
        switch self {
        case .outgoing:
            tr("The SNTs your company sends will be listed here with their status, registration number and totals, ready to search, filter and print.")
        case .incoming:
            tr("SNTs addressed to your company will arrive here, so you can confirm or decline them before the goods are accepted.")
        case .drafts:
            tr("SNTs you are still filling in will wait here. Every change is saved as you type.")
        case .warehouses:
            tr("Your virtual warehouses in IS ESF and their balances by batch will be shown here.")
        case .forms:
            tr("Balance entry, production, movement, write-off and detailing forms of the virtual warehouse will be filled and sent from here.")
        case .magazine:
            tr("When IS ESF is down, paper SNTs are recorded here and entered electronically within three working days.")
        }
    }

    /// Ctrl+1 … Ctrl+6 in sidebar order.
    public var accelerator: String { "<Ctrl>\(AppPage.allCases.firstIndex(of: self)! + 1)" }
}
