import CAdw
import CGtk
import GtkKit

/// A search row with the matches listed under it as the user types: Enter or a click on a
/// match picks it. The counterparty and batch pickers are this with their own search.
@MainActor
final class TypeAheadPicker<Item> {
    /// The group holding the search row and the matches.
    let group: ObjectHandle
    let entry: ObjectHandle
    let results: ObjectHandle
    private(set) var matches: [Item] = []
    private let search: (String) -> [Item]
    private let describe: (Item) -> (title: String, subtitle: String)
    private let pick: (Item) -> Void

    init(title: String, placeholder: String, name: String, search: @escaping (String) -> [Item],
         describe: @escaping (Item) -> (title: String, subtitle: String), pick: @escaping (Item) -> Void) {
        self.search = search
        self.describe = describe
        self.pick = pick
        group = ObjectHandle(adw_preferences_group_new()!, transfer: .floating)
        adw_preferences_group_set_title(group.cPointer(), title)
        entry = ObjectHandle(adw_entry_row_new()!, transfer: .none)
        adw_preferences_row_set_title(entry.cPointer(), placeholder)
        adw_preferences_row_set_use_underline(entry.cPointer(), placeholder.contains("_") ? 1 : 0)
        gtk_widget_set_name(entry.widget, name)
        adw_preferences_group_add(group.cPointer(), entry.widget)
        results = ObjectHandle(gtk_list_box_new()!, transfer: .none)
        gtk_widget_set_name(results.widget, name + "-results")
        gtk_widget_add_css_class(results.widget, "boxed-list")
        gtk_widget_set_margin_top(results.widget, 6)
        gtk_list_box_set_selection_mode(results.cPointer(), GTK_SELECTION_NONE)
        gtk_widget_set_visible(results.widget, 0)
        adw_preferences_group_add(group.cPointer(), results.widget)

        let entry = entry
        entry.connect("changed") { [weak self] in self?.update(EntryText.text(of: entry)) }
        entry.connect("entry-activated") { [weak self] in
            guard let self, let first = self.matches.first else { return }
            self.choose(first)
        }
        results.connect("row-activated") { [weak self] (row: UnsafeMutableRawPointer?) in
            guard let self, let row else { return }
            let index = Int(gtk_list_box_row_get_index(row.assumingMemoryBound(to: GtkListBoxRow.self)))
            if self.matches.indices.contains(index) { self.choose(self.matches[index]) }
        }
    }

    /// Lists the matches of `text`; nothing while the search is empty.
    func update(_ text: String) {
        while let child = gtk_widget_get_first_child(results.widget) {
            gtk_list_box_remove(results.cPointer(), child)
        }
        matches = text.trimmingCharacters(in: .whitespaces).isEmpty ? [] : search(text)
        for item in matches {
            let description = describe(item)
            let row = adw_action_row_new()!
            // Before the title: names like «Құрылыс & Ко» are text, not markup.
            adw_preferences_row_set_use_markup(gcast(row), 0)
            adw_preferences_row_set_title(gcast(row), description.title)
            adw_action_row_set_subtitle(gcast(row), description.subtitle)
            gtk_list_box_row_set_activatable(gcast(row), 1)
            gtk_list_box_append(results.cPointer(), row)
        }
        gtk_widget_set_visible(results.widget, matches.isEmpty ? 0 : 1)
    }

    /// The row of match `index`, for tests and keyboard focus.
    func resultRow(_ index: Int) -> UnsafeMutablePointer<GtkListBoxRow>? {
        gtk_list_box_get_row_at_index(results.cPointer(), gint(index))
    }

    private func choose(_ item: Item) {
        pick(item)
        EntryText.set("", on: entry)
    }
}
