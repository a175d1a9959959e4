import CGtk
import Foundation
import GtkKit
import QoimaCore
import QoimaStore

/// The Magazine inside the main window: its page, issuing a draft on paper (from the editor or
/// the Drafts list) without losing an edit, and entries marked entered after any send or sync
/// that brings their registration.
@MainActor
public final class MagazineDesk {
    public let context: DeskContext
    public let page: MagazinePage
    public let store: MagazineStore
    /// The issue dialog open now, if any (tests fill it).
    public private(set) var issueDialog: MagazineDialog?
    /// The entry the last issue made.
    public private(set) var lastIssued: MagazineEntry?
    private unowned let window: MainWindow

    init(context: DeskContext, window: MainWindow) {
        self.context = context
        self.window = window
        store = MagazineStore(database: context.database)
        page = MagazinePage(context: context)
        page.say = { [weak window] text in window?.showToast(text) }
        window.install(page.widget, for: .magazine)
    }

    /// Who issues blanks, unless typed otherwise: the user of the company's IS ESF login, else
    /// whoever issued the last entry.
    static func responsible(_ context: DeskContext) -> String {
        if let name = (try? ESFLoginStore(database: context.database).login(companyId: context.company.id))?.userName,
           !name.isEmpty {
            return name
        }
        let store = MagazineStore(database: context.database)
        let last = try? store.list(MagazineQuery(companyId: context.company.id, today: context.today)).last
        return last?.entry.responsible ?? ""
    }

    // MARK: Issuing on paper

    /// Asks the reason, the paper date and who issues it, then issues draft `draftId` on paper.
    /// `editor`, when the draft is open in one, is saved first and reloaded after, so no edit is
    /// lost and it shows A 2.1 and A 2.1.1 at once.
    @discardableResult
    public func askIssue(draftId: Int64, editor: SntEditorWindow?) -> MagazineDialog? {
        if let live = try? store.liveEntry(sntId: draftId) {
            window.showToast(tr("This SNT is already in the Magazine as No. %1$@.", live.label))
            return nil
        }
        let reasons = PaperReason.allCases.map { $0.name.text(in: DeskExchange.language) }
        let fields = [
            MagazineDialog.Field(MagazineError.Field.reason.rawValue, tr("Reason (A 2.1.1)"), .choice(reasons, selected: 0)),
            MagazineDialog.Field(MagazineError.Field.paperDate.rawValue, tr("Date issued on paper (A 2.1)"), .date(context.today),
                                 hint: tr("dd.mm.yyyy, Kazakhstan time")),
            MagazineDialog.Field("responsible", tr("Responsible person"), .text(Self.responsible(context))),
        ]
        let dialog = MagazineDialog(name: "issue-on-paper-dialog", title: tr("Issue on Paper"),
                                    explanation: tr("When IS ESF cannot take the SNT, it is issued on a paper blank. It takes the next number of the Magazine, and the draft keeps the paper date and reason to be entered into IS ESF within three working days after IS ESF works again."),
                                    confirm: tr("_Issue"), fields: fields, parent: editor?.window ?? window.window)
        dialog.onConfirm = { [weak self, weak editor] dialog in
            guard let self else { return }
            let index = dialog.choice(MagazineError.Field.reason.rawValue)
            let reason = PaperReason.allCases[min(max(index, 0), PaperReason.allCases.count - 1)]
            let date = try dialog.date(MagazineError.Field.paperDate.rawValue)
            try self.issue(draftId: draftId, reason: reason, paperDate: date, responsible: dialog.text("responsible"),
                           editor: editor)
        }
        issueDialog = dialog
        dialog.window.connectReturning("close-request") { [weak self, weak dialog] in
            if let self, let dialog, self.issueDialog === dialog { self.issueDialog = nil }
            return false
        }
        dialog.present()
        return dialog
    }

    /// Issues the draft on paper: the editor's pending edit is written first, and the editor
    /// reads the draft back with A 2.1 and A 2.1.1.
    public func issue(draftId: Int64, reason: PaperReason, paperDate: CalendarDate, responsible: String,
                      editor: SntEditorWindow?) throws {
        editor?.model.flush()
        let entry = try store.issue(sntId: draftId, companyId: context.company.id, reason: reason, paperDate: paperDate,
                                    responsible: responsible, today: context.today)
        lastIssued = entry
        editor?.reloadFromStore()
        editor?.showPaperEntry(entry)
        page.reload()
        window.showToast(tr("Entered in the Magazine as No. %1$@", entry.label), button: tr("_Show")) { [weak self] in
            self?.show(entryId: entry.id)
        }
    }

    /// Opens the Magazine page at entry `entryId`.
    public func show(entryId: Int64) {
        window.show(.magazine)
        page.reveal(entryId: entryId)
    }

    // MARK: Entering

    /// Marks entered every issued entry whose SNT IS ESF has registered (after a send, a sync,
    /// an action anywhere in the app) and shows the Magazine as it now is.
    public func catchUp() {
        do {
            let entered = try store.enterRegistered(companyId: context.company.id, today: context.today)
            if let first = entered.first {
                window.showToast(entered.count == 1
                    ? tr("Paper SNT No. %1$@ is entered into IS ESF.", first.label)
                    : tr("%1$@ paper SNTs are entered into IS ESF.", entered.count))
            }
        } catch {
            window.showToast(MagazineModel.message(of: error))
        }
        page.reload()
        page.onChanged?()
    }
}
