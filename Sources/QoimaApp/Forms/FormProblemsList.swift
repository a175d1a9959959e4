import CGtk
import GtkKit
import QoimaCore

/// The problems popover of the form editor's header bar: a count on its button and one row
/// per problem ("Goods written off, line 2 · message"), which jumps to the place when activated.
@MainActor
final class FormProblemsList {
    private let button: ObjectHandle
    private let popover: ObjectHandle
    private let list: ObjectHandle
    private let count: ObjectHandle
    private let kind: UFormType?
    private(set) var problems: [FormProblem] = []
    private let jump: @MainActor (FormProblem) -> Void

    init(builder: Builder, kind: UFormType?, jump: @escaping @MainActor (FormProblem) -> Void) {
        button = builder.object("problems_button")
        popover = builder.object("problems_popover")
        list = builder.object("problems_list")
        count = builder.object("problems_count")
        self.kind = kind
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

    func show(_ problems: [FormProblem]) {
        self.problems = problems
        while let child = gtk_widget_get_first_child(list.widget) {
            gtk_list_box_remove(list.cPointer(), child)
        }
        for problem in problems.prefix(200) {
            let label = gtk_label_new(tr("%1$@ · %2$@", problem.location(kind: kind), problem.message))!
            gtk_label_set_xalign(gcast(label), 0)
            gtk_label_set_wrap(gcast(label), 1)
            gtk_label_set_max_width_chars(gcast(label), 60)
            gtk_widget_set_margin_top(label, 6)
            gtk_widget_set_margin_bottom(label, 6)
            if problem.severity == .error { gtk_widget_add_css_class(label, "error") }
            gtk_list_box_append(list.cPointer(), label)
        }
        let errors = problems.filter { $0.severity == .error }.count
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
