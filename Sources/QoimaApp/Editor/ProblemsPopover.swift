import CGtk
import GtkKit
import QoimaCore

/// The problems popover of an editor's header bar (SNT or form): a count badge on its button
/// and one row per problem ("B13 · message", "Goods written off, line 2 · message"), which
/// jumps to the place when activated. `describe` says how a problem is shown.
@MainActor
final class ProblemsPopover<Problem> {
    /// What a row shows of a problem.
    struct Shown {
        var location: String
        var message: String
        var isError: Bool
    }
    private let button: ObjectHandle
    private let popover: ObjectHandle
    private let list: ObjectHandle
    private let count: ObjectHandle
    private(set) var problems: [Problem] = []
    private let describe: @MainActor (Problem) -> Shown
    private let jump: @MainActor (Problem) -> Void

    init(builder: Builder, describe: @escaping @MainActor (Problem) -> Shown,
         jump: @escaping @MainActor (Problem) -> Void) {
        button = builder.object("problems_button")
        popover = builder.object("problems_popover")
        list = builder.object("problems_list")
        count = builder.object("problems_count")
        self.describe = describe
        self.jump = jump
        setAccessibleLabel(button, tr("Problems"))
        list.connect("row-activated") { [weak self] (row: UnsafeMutableRawPointer?) in
            guard let self, let row else { return }
            let index = Int(gtk_list_box_row_get_index(row.assumingMemoryBound(to: GtkListBoxRow.self)))
            guard self.problems.indices.contains(index) else { return }
            gtk_popover_popdown(self.popover.cPointer())
            self.jump(self.problems[index])
        }
    }

    /// The number on the badge, as shown.
    var badgeText: String { String(cString: gtk_label_get_text(count.cPointer())) }

    /// The rows' texts, as shown.
    var rowTexts: [String] {
        (0..<min(problems.count, 200)).compactMap { index in
            guard let row = gtk_list_box_get_row_at_index(list.cPointer(), gint(index)),
                  let label = gtk_list_box_row_get_child(row) else { return nil }
            return String(cString: gtk_label_get_text(gcast(label)))
        }
    }

    func activateRow(_ index: Int) {
        guard let row = gtk_list_box_get_row_at_index(list.cPointer(), gint(index)) else { return }
        gtk_widget_activate(gcast(row))
    }

    func show(_ problems: [Problem]) {
        self.problems = problems
        while let child = gtk_widget_get_first_child(list.widget) {
            gtk_list_box_remove(list.cPointer(), child)
        }
        // A thousand problems would only slow typing; the first ones are the ones to fix.
        let shown = problems.map(describe)
        for problem in shown.prefix(200) {
            let label = gtk_label_new(tr("%1$@ · %2$@", problem.location, problem.message))!
            gtk_label_set_xalign(gcast(label), 0)
            gtk_label_set_wrap(gcast(label), 1)
            gtk_label_set_max_width_chars(gcast(label), 60)
            gtk_widget_set_margin_top(label, 6)
            gtk_widget_set_margin_bottom(label, 6)
            if problem.isError { gtk_widget_add_css_class(label, "error") }
            gtk_list_box_append(list.cPointer(), label)
        }
        let errors = shown.filter(\.isError).count
        gtk_label_set_text(count.cPointer(), String(problems.count))
        gtk_widget_set_visible(button.widget, problems.isEmpty ? 0 : 1)
        if errors > 0 {
            gtk_widget_add_css_class(button.widget, "error")
        } else {
            gtk_widget_remove_css_class(button.widget, "error")
        }
        gtk_widget_set_tooltip_text(button.widget, tr("%1$@ errors, %2$@ warnings (F8 goes to the next one)",
                                                      errors, problems.count - errors))
    }
}
