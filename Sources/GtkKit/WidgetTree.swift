import CGtk

/// Walks a widget and its descendants, depth first: the app finds a field's row by its name to
/// focus it, tests find what they drive.
@MainActor
public enum WidgetTree {
    /// The first widget (the root included) whose `gtk_widget_get_name` is `name`.
    public static func find(named name: String, in root: UnsafeMutablePointer<GtkWidget>) -> UnsafeMutablePointer<GtkWidget>? {
        first(in: root) { widget in
            gtk_widget_get_name(widget).map { String(cString: $0) == name } ?? false
        }
    }

    /// The first widget (the root included) for which `matches` holds.
    public static func first(in root: UnsafeMutablePointer<GtkWidget>,
                             where matches: (UnsafeMutablePointer<GtkWidget>) -> Bool) -> UnsafeMutablePointer<GtkWidget>? {
        if matches(root) { return root }
        var child = gtk_widget_get_first_child(root)
        while let current = child {
            if let found = first(in: current, where: matches) { return found }
            child = gtk_widget_get_next_sibling(current)
        }
        return nil
    }
}
