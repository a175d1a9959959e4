import CGtk

/// Adds `GSimpleAction`s to an action map (an application or an application window).
@MainActor
public struct ActionMap {
    public let map: ObjectHandle

    public init(_ map: ObjectHandle) { self.map = map }

    /// A plain action, e.g. `app.about`.
    @discardableResult
    public func add(_ name: String, _ handler: @escaping @MainActor () -> Void) -> ObjectHandle {
        let action = ObjectHandle(g_simple_action_new(name, nil)!, transfer: .full)
        action.connect("activate") { (_: UnsafeMutableRawPointer?) in handler() }
        g_action_map_add_action(map.opaque, action.opaque)
        return action
    }

    /// An action with a string parameter, e.g. `win.show-page('drafts')`.
    @discardableResult
    public func add(_ name: String, stringParameter handler: @escaping @MainActor (String) -> Void) -> ObjectHandle {
        // G_VARIANT_TYPE_STRING is a macro; make the type instead of casting a temporary string.
        let stringType = g_variant_type_new("s")
        defer { g_variant_type_free(stringType) }
        let action = ObjectHandle(g_simple_action_new(name, stringType)!, transfer: .full)
        action.connect("activate") { (parameter: UnsafeMutableRawPointer?) in
            guard let parameter else { return }
            handler(String(cString: g_variant_get_string(OpaquePointer(parameter), nil)))
        }
        g_action_map_add_action(map.opaque, action.opaque)
        return action
    }

    /// Activates an action of this map by name, as a menu item or shortcut would.
    public func activate(_ name: String, string: String? = nil) {
        guard let action = g_action_map_lookup_action(map.opaque, name) else {
            preconditionFailure("no action '\(name)' on \(map.typeName)")
        }
        g_action_activate(action, string.flatMap { g_variant_new_string($0) })
    }
}

/// Keyboard accelerators for detailed action names, e.g. `["<Ctrl>q"]` for `app.quit`.
@MainActor
public func setAccelerators(_ application: ObjectHandle, for action: String, _ accelerators: [String]) {
    var cStrings = accelerators.map { strdup($0) } + [nil]
    defer { cStrings.forEach { free($0) } }
    cStrings.withUnsafeMutableBufferPointer { buffer in
        buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buffer.count) {
            gtk_application_set_accels_for_action(application.pointer(to: GtkApplication.self), action, $0)
        }
    }
}

