import CGtk

/// Asks for one file to open or save with the desktop's native chooser (GtkFileChooserNative: GTK 4.8
/// has no GtkFileDialog) and hands its path to `chosen`. The chooser keeps itself alive until
/// it answers.
@MainActor
public enum FileChooser {
    private static var open: [ObjectHandle] = []

    public static func open(title: String, over parent: ObjectHandle, filterName: String, patterns: [String],
                            chosen: @escaping @MainActor (String) -> Void) {
        let chooser = ObjectHandle(gtk_file_chooser_native_new(title, parent.cPointer(), GTK_FILE_CHOOSER_ACTION_OPEN,
                                                               tr("_Open"), tr("_Cancel"))!, transfer: .full)
        show(chooser, filterName: filterName, patterns: patterns, chosen: chosen)
    }

    private static func show(_ chooser: ObjectHandle, filterName: String, patterns: [String],
                             chosen: @escaping @MainActor (String) -> Void) {
        let filter = gtk_file_filter_new()!
        gtk_file_filter_set_name(filter, filterName)
        for pattern in patterns { gtk_file_filter_add_pattern(filter, pattern) }
        gtk_file_chooser_add_filter(chooser.cPointer(), filter)
        g_object_unref(UnsafeMutableRawPointer(filter))
        chooser.connect("response") { [weak chooser] (response: UnsafeMutableRawPointer?) in
            guard let chooser else { return }
            defer { Self.open.removeAll { $0 == chooser } }
            guard Int32(truncatingIfNeeded: Int(bitPattern: response)) == GTK_RESPONSE_ACCEPT.rawValue,
                  let file = gtk_file_chooser_get_file(chooser.cPointer()) else { return }
            defer { g_object_unref(UnsafeMutableRawPointer(file)) }
            guard let path = g_file_get_path(file) else { return }
            defer { g_free(path) }
            chosen(String(cString: path))
        }
        Self.open.append(chooser)
        gtk_native_dialog_show(chooser.cPointer())
    }

    /// Asks where to save a file, suggesting `name`; GTK asks before replacing an existing one.
    public static func save(title: String, over parent: ObjectHandle, suggestedName name: String, filterName: String,
                            patterns: [String], chosen: @escaping @MainActor (String) -> Void) {
        let chooser = ObjectHandle(gtk_file_chooser_native_new(title, parent.cPointer(), GTK_FILE_CHOOSER_ACTION_SAVE,
                                                               tr("_Save"), tr("_Cancel"))!, transfer: .full)
        gtk_file_chooser_set_current_name(chooser.cPointer(), name)
        show(chooser, filterName: filterName, patterns: patterns, chosen: chosen)
    }
}
