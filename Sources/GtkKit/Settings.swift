import CGtk

/// GSettings over a key file: the schema (types, defaults, ranges) comes from `resources/`,
/// compiled into a directory of our own, and values live in `$XDG_CONFIG_HOME/qoima/settings.ini`.
/// So settings work from the build tree without a system-wide schema install and without dconf.
@MainActor
public final class Settings {
    public let handle: ObjectHandle

    /// - Parameters:
    ///   - schemaDirectory: a directory holding `gschemas.compiled` with `schemaID`.
    ///   - file: the key file where values are stored.
    public init(schemaID: String, schemaDirectory: String, file: String) throws(SettingsError) {
        var error: UnsafeMutablePointer<GError>?
        guard let source = g_settings_schema_source_new_from_directory(
            schemaDirectory, g_settings_schema_source_get_default(), 0, &error
        ) else {
            defer { g_error_free(error) }
            throw .schemaDirectory(schemaDirectory, String(cString: error!.pointee.message))
        }
        defer { g_settings_schema_source_unref(source) }
        guard let schema = g_settings_schema_source_lookup(source, schemaID, 1) else {
            throw .missingSchema(schemaID)
        }
        defer { g_settings_schema_unref(schema) }
        let backend = g_keyfile_settings_backend_new(file, "/", "qoima")
        defer { g_object_unref(backend) }
        handle = ObjectHandle(g_settings_new_full(schema, backend, nil)!, transfer: .full)
    }

    private var settings: UnsafeMutablePointer<GSettings> { handle.pointer(to: GSettings.self) }

    public func integer(_ key: String) -> Int { Int(g_settings_get_int(settings, key)) }
    public func setInteger(_ key: String, _ value: Int) { g_settings_set_int(settings, key, gint(value)) }

    public func bool(_ key: String) -> Bool { g_settings_get_boolean(settings, key) != 0 }
    public func setBool(_ key: String, _ value: Bool) { g_settings_set_boolean(settings, key, value ? 1 : 0) }

    public func string(_ key: String) -> String {
        let value = g_settings_get_string(settings, key)!
        defer { g_free(value) }
        return String(cString: value)
    }

    public func setString(_ key: String, _ value: String) { g_settings_set_string(settings, key, value) }

    /// Writes pending changes to the key file now.
    public func flush() { g_settings_sync() }
}

public enum SettingsError: Error, CustomStringConvertible {
    case schemaDirectory(String, String)
    case missingSchema(String)

    public var description: String {
        switch self {
        case .schemaDirectory(let directory, let reason): "Cannot read settings schemas in \(directory): \(reason)"
        case .missingSchema(let id): "The settings schema \(id) is not installed"
        }
    }
}
