import CAdw
import CGtk
import Foundation
import GtkKit
import QoimaCore
import QoimaESF
import QoimaStore

/// Creates a warehouse in IS ESF. The dialog asks exactly the details the chosen type and signs
/// need (`WarehouseRules.requiredFields`): the participants' BINs for joint activity, the lessee
/// and the contract for leasing. Everything is checked before sending (IIN/BIN check digits, the
/// contract date, one priority warehouse), and what is wrong is said under its field; what IS
/// ESF refuses is said there too. Nothing typed is lost on an error.
@MainActor
public final class NewWarehouseDialog {
    public let window: ObjectHandle
    /// Called with the new warehouse's name once IS ESF created it.
    public var onCreated: (@MainActor (String) -> Void)?
    public var onClosed: (@MainActor () -> Void)?
    /// The problems shown now, by field (tests read them).
    public private(set) var shownProblems: [WarehouseField: [String]] = [:]
    /// What IS ESF answered last (or why it could not be asked).
    public private(set) var outcomeText: String?
    /// Whether the warehouse is on its way to IS ESF.
    public private(set) var sending = false

    private let context: DeskContext
    private let exchange: WarehouseExchange
    private let existing: [StoredWarehouse]
    private var rows: [WarehouseField: ObjectHandle] = [:]
    private var groupLabels: [String: ObjectHandle] = [:]
    private var groups: [String: ObjectHandle] = [:]
    private var signSwitches: [WarehouseSign: ObjectHandle] = [:]
    private let typeRow: ObjectHandle
    private let createButton: ObjectHandle
    private let statusLabel: ObjectHandle

    /// Which group each field's message goes under.
    private static let groupOf: [WarehouseField: String] = [
        .name: "main", .address: "main", .type: "main", .responsiblePersonIin: "main", .signs: "signs",
        .permittedTins: "joint", .lesseeTin: "leasing", .lesseeContractNumber: "leasing", .lesseeContractDate: "leasing",
    ]

    init(context: DeskContext, exchange: WarehouseExchange, existing: [StoredWarehouse], parent: ObjectHandle?) {
        self.context = context
        self.exchange = exchange
        self.existing = existing
        window = ObjectHandle(adw_window_new()!, transfer: .none)
        gtk_widget_set_name(window.widget, "new-warehouse-dialog")
        gtk_window_set_title(window.cPointer(), tr("New Warehouse"))
        gtk_window_set_modal(window.cPointer(), 1)
        gtk_window_set_default_size(window.cPointer(), 560, 720)
        if let parent { gtk_window_set_transient_for(window.cPointer(), parent.cPointer()) }

        let header = gtk_header_bar_new()!
        gtk_header_bar_set_show_title_buttons(gcast(header), 0)
        let cancel = gtk_button_new_with_mnemonic(tr("_Cancel"))!
        gtk_header_bar_pack_start(gcast(header), cancel)
        createButton = ObjectHandle(gtk_button_new_with_mnemonic(tr("C_reate in IS ESF"))!, transfer: .none)
        gtk_widget_set_name(createButton.widget, "create-button")
        gtk_widget_add_css_class(createButton.widget, "suggested-action")
        gtk_header_bar_pack_end(gcast(header), createButton.widget)
        let page = adw_preferences_page_new()!
        let content = gtk_box_new(GTK_ORIENTATION_VERTICAL, 0)!
        gtk_box_append(gcast(content), header)
        statusLabel = ObjectHandle(gtk_label_new(nil)!, transfer: .none)
        gtk_widget_set_name(statusLabel.widget, "new-warehouse-status")
        gtk_label_set_wrap(statusLabel.cPointer(), 1)
        gtk_widget_set_margin_top(statusLabel.widget, 6)
        gtk_widget_set_visible(statusLabel.widget, 0)
        gtk_box_append(gcast(content), statusLabel.widget)
        gtk_widget_set_vexpand(page, 1)
        gtk_box_append(gcast(content), page)
        adw_window_set_content(window.cPointer(), content)

        typeRow = ObjectHandle(adw_combo_row_new()!, transfer: .none)
        let main = addGroup("main", tr("Warehouse"), to: page)
        addEntry(.name, tr("Name"), to: main)
        addEntry(.address, tr("Address"), to: main)
        let types = WarehouseType.creatable.map { $0.name.text(in: WarehouseText.language) }
        let model = ObjectHandle(gtk_string_list_new(nil)!, transfer: .full)
        for type in types { gtk_string_list_append(model.opaque, type) }
        adw_combo_row_set_model(typeRow.cPointer(), model.opaque)
        adw_preferences_row_set_title(typeRow.cPointer(), tr("Type"))
        gtk_widget_set_name(typeRow.widget, "field-type")
        adw_preferences_group_add(main.cPointer(), typeRow.widget)
        rows[.type] = typeRow
        addEntry(.responsiblePersonIin, tr("Responsible person's IIN"), to: main, digits: true)

        let signs = addGroup("signs", tr("Signs"), to: page)
        adw_preferences_group_set_description(signs.cPointer(), tr("Turn on what applies; the details a sign needs are asked below."))
        let priority = existing.first(where: \.isDefault)
        for sign in WarehouseSign.allCases {
            let row = adw_action_row_new()!
            adw_preferences_row_set_title(gcast(row), WarehouseText.sign(sign))
            let toggle = ObjectHandle(gtk_switch_new()!, transfer: .none)
            gtk_widget_set_name(toggle.widget, "sign-" + sign.rawValue)
            gtk_widget_set_valign(toggle.widget, GTK_ALIGN_CENTER)
            adw_action_row_add_suffix(gcast(row), toggle.widget)
            adw_action_row_set_activatable_widget(gcast(row), toggle.widget)
            if sign == .priority, let priority {
                adw_action_row_set_subtitle(gcast(row), tr("“%1$@” is the priority warehouse; there is only one.", priority.name))
                gtk_widget_set_sensitive(toggle.widget, 0)
            }
            adw_preferences_group_add(signs.cPointer(), row)
            signSwitches[sign] = toggle
            toggle.connect("notify::active") { [weak self] (_: UnsafeMutableRawPointer?) in self?.showNeededGroups() }
        }
        rows[.signs] = signs

        let joint = addGroup("joint", tr("Joint activity"), to: page)
        adw_preferences_group_set_description(joint.cPointer(), tr("The participants' IIN/BINs, separated by commas or spaces."))
        addEntry(.permittedTins, tr("Participants' IIN/BINs"), to: joint)
        let leasing = addGroup("leasing", tr("Leasing"), to: page)
        addEntry(.lesseeTin, tr("Lessee's IIN/BIN"), to: leasing, digits: true)
        addEntry(.lesseeContractNumber, tr("Contract number"), to: leasing)
        addEntry(.lesseeContractDate, tr("Contract date (dd.mm.yyyy)"), to: leasing)

        ObjectHandle(cancel, transfer: .none).connect("clicked") { [weak self] in self?.close() }
        createButton.connect("clicked") { [weak self] in self?.create() }
        window.connectReturning("close-request") { [weak self] in
            self?.onClosed?()
            return false
        }
        showNeededGroups()
    }

    public func present() { gtk_window_present(window.cPointer()) }
    public func close() { gtk_window_close(window.cPointer()) }

    // MARK: What the user does (tests call the same)

    public func set(_ field: WarehouseField, _ text: String) {
        guard let row = rows[field], field != .type, field != .signs else { return }
        EntryText.set(text, on: row)
    }

    public func setType(_ type: WarehouseType) {
        guard let index = WarehouseType.creatable.firstIndex(of: type) else { return }
        adw_combo_row_set_selected(typeRow.cPointer(), guint(index))
    }

    public func setSign(_ sign: WarehouseSign, _ on: Bool) {
        guard let toggle = signSwitches[sign] else { return }
        gtk_switch_set_active(toggle.cPointer(), on ? 1 : 0)
    }

    /// Whether the group of a field is on screen (the dialog asks only what is needed).
    public func isAsked(_ field: WarehouseField) -> Bool {
        guard let name = Self.groupOf[field], let group = groups[name] else { return false }
        return gtk_widget_get_visible(group.widget) != 0
    }

    /// The warehouse as typed.
    public var draft: WarehouseDraft {
        func text(_ field: WarehouseField) -> String { rows[field].map(EntryText.text(of:)) ?? "" }
        let index = Int(adw_combo_row_get_selected(typeRow.cPointer()))
        let signs = Set(WarehouseSign.allCases.filter { sign in
            signSwitches[sign].map { gtk_switch_get_active($0.cPointer()) != 0 } ?? false
        })
        return WarehouseDraft(name: text(.name), address: text(.address),
                              type: WarehouseType.creatable.indices.contains(index) ? WarehouseType.creatable[index] : .storeHouse,
                              responsiblePersonIin: text(.responsiblePersonIin), signs: signs,
                              permittedTins: text(.permittedTins).split { $0 == "," || $0 == " " || $0 == ";" }.map(String.init),
                              lesseeTin: text(.lesseeTin), lesseeContractNumber: text(.lesseeContractNumber),
                              lesseeContractDate: text(.lesseeContractDate))
    }

    /// Checks the warehouse and, when nothing is wrong, creates it in IS ESF.
    public func create() {
        guard !sending else { return }
        let draft = draft
        let context = WarehouseRules.Context(companyTin: self.context.company.bin, today: self.context.today,
                                             priorityWarehouse: existing.first(where: \.isDefault)?.name)
        let problems = WarehouseRules.problems(draft, context: context)
        show(problems.map { ($0.field, $0.message(in: WarehouseText.language)) })
        guard problems.isEmpty else {
            return say(tr("Fix what is marked, then create the warehouse."), error: true)
        }
        sending = true
        gtk_widget_set_sensitive(createButton.widget, 0)
        say(tr("Creating the warehouse in IS ESF…"), error: false)
        let store = Self.newStore(draft)
        exchange.withSession(title: tr("Create a warehouse"), over: window, cancelled: { [weak self] in self?.finishSending() }) { [weak self] client in
            guard let self else { return nil }
            let result = await self.exchange.create(store, client: client)
            self.finishSending()
            switch result {
            case let .success(outcome) where !outcome.accepted.isEmpty:
                let id = outcome.accepted.first?.id.map(String.init) ?? "—"
                let text = tr("IS ESF created warehouse %1$@ with ID %2$@.", draft.name, id)
                self.outcomeText = text
                self.onCreated?(WarehouseDraft.trimmedName(draft))
                self.close()
                return (true, text)
            case let .success(outcome):
                let errors = outcome.denied.flatMap(\.errors)
                self.show(errors.map { (Self.field(ofProperty: $0.property), $0.text) })
                let text = tr("IS ESF refused the warehouse: %1$@", errors.map(\.text).joined(separator: "; "))
                self.outcomeText = text
                self.say(text, error: true)
                return (false, text)
            case let .failure(error):
                self.outcomeText = error.message
                self.say(error.message, error: true)
                return (false, error.message)
            }
        }
    }

    private func finishSending() {
        sending = false
        gtk_widget_set_sensitive(createButton.widget, 1)
    }

    // MARK: Showing

    private func showNeededGroups() {
        let needed = Set(WarehouseRules.requiredFields(type: draft.type, signs: draft.signs))
        for (name, group) in groups where name == "joint" || name == "leasing" {
            let fields = Self.groupOf.filter { $0.value == name }.map(\.key)
            gtk_widget_set_visible(group.widget, fields.contains(where: needed.contains) ? 1 : 0)
        }
    }

    private func show(_ problems: [(WarehouseField, String)]) {
        shownProblems = Dictionary(grouping: problems, by: \.0).mapValues { $0.map(\.1) }
        for (field, row) in rows where field != .signs {
            if shownProblems[field] == nil {
                gtk_widget_remove_css_class(row.widget, "error")
                gtk_widget_set_tooltip_text(row.widget, nil)
            } else {
                gtk_widget_add_css_class(row.widget, "error")
                gtk_widget_set_tooltip_text(row.widget, shownProblems[field]!.joined(separator: "\n"))
            }
        }
        for (name, label) in groupLabels {
            let lines = WarehouseField.allCases.filter { Self.groupOf[$0] == name }.flatMap { shownProblems[$0] ?? [] }
            gtk_label_set_text(label.cPointer(), lines.joined(separator: "\n"))
            gtk_widget_set_visible(label.widget, lines.isEmpty ? 0 : 1)
        }
        if let first = WarehouseField.allCases.first(where: { shownProblems[$0] != nil }), let row = rows[first], first != .signs {
            gtk_widget_grab_focus(row.widget)
        }
    }

    private func say(_ text: String, error: Bool) {
        gtk_label_set_text(statusLabel.cPointer(), text)
        if error { gtk_widget_add_css_class(statusLabel.widget, "error") } else { gtk_widget_remove_css_class(statusLabel.widget, "error") }
        gtk_widget_set_visible(statusLabel.widget, 1)
    }

    // MARK: Building

    private func addGroup(_ name: String, _ title: String, to page: UnsafeMutablePointer<GtkWidget>) -> ObjectHandle {
        let group = ObjectHandle(adw_preferences_group_new()!, transfer: .none)
        adw_preferences_group_set_title(group.cPointer(), title)
        gtk_widget_set_name(group.widget, "group-" + name)
        let label = ObjectHandle(gtk_label_new(nil)!, transfer: .none)
        gtk_widget_set_name(label.widget, "problems-" + name)
        gtk_label_set_wrap(label.cPointer(), 1)
        gtk_label_set_xalign(label.cPointer(), 0)
        gtk_widget_set_margin_top(label.widget, 6)
        gtk_widget_add_css_class(label.widget, "error")
        gtk_widget_set_visible(label.widget, 0)
        adw_preferences_group_add(group.cPointer(), label.widget)
        adw_preferences_page_add(gcast(page), group.cPointer())
        groups[name] = group
        groupLabels[name] = label
        return group
    }

    private func addEntry(_ field: WarehouseField, _ title: String, to group: ObjectHandle, digits: Bool = false) {
        let row = ObjectHandle(adw_entry_row_new()!, transfer: .none)
        adw_preferences_row_set_title(row.cPointer(), title)
        gtk_widget_set_name(row.widget, "field-" + field.rawValue)
        if digits { adw_entry_row_set_input_purpose(row.cPointer(), GTK_INPUT_PURPOSE_DIGITS) }
        adw_preferences_group_add(group.cPointer(), row.widget)
        rows[field] = row
    }

    // MARK: Mapping

    /// The create request's store: the details the signs need and no others.
    static func newStore(_ draft: WarehouseDraft) -> NewStore {
        let leasing = draft.signs.contains(.leasing), joint = draft.signs.contains(.jointActivity)
        var store = NewStore(
            name: WarehouseDraft.trimmedName(draft), address: draft.address.trimmingCharacters(in: .whitespaces),
            type: draft.type.code, responsiblePersonIin: draft.responsiblePersonIin.trimmingCharacters(in: .whitespaces),
            isInherited: draft.signs.contains(.reorganised), isDefault: draft.signs.contains(.priority), isJointStore: joint,
            isPostingGoods: draft.signs.contains(.customsPosting), isCooperativeStore: leasing,
            isRawMaterials: draft.signs.contains(.tollingRawMaterials), isPublicStore: draft.signs.contains(.publicWarehouse),
            lesseeTin: leasing ? draft.lesseeTin.trimmingCharacters(in: .whitespaces) : nil,
            lesseeContractNumber: leasing ? draft.lesseeContractNumber.trimmingCharacters(in: .whitespaces) : nil,
            lesseeContractDate: leasing ? CalendarDate(ddMMyyyy: draft.lesseeContractDate.trimmingCharacters(in: .whitespaces)) : nil)
        if joint { store.permittedTins = draft.typedPermittedTins }
        return store
    }

    /// The field an IS ESF error's property names.
    static func field(ofProperty property: String?) -> WarehouseField {
        switch property ?? "" {
        case "name": .name
        case "address": .address
        case "type": .type
        case "responsiblePersonIin": .responsiblePersonIin
        case "permittedTinList": .permittedTins
        case "lesseeTin": .lesseeTin
        case "lesseeContractNumber": .lesseeContractNumber
        case "lesseeContractDate": .lesseeContractDate
        default: .signs
        }
    }
}

extension WarehouseDraft {
    static func trimmedName(_ draft: WarehouseDraft) -> String { draft.name.trimmingCharacters(in: .whitespaces) }
}
