import CGtk
import Foundation

/// Registers the GResource bundle that the build embeds in the binary (base64 text).
public enum ResourceBundle {
    @MainActor private static var registered: Set<Int> = []

    /// Registers a bundle once; registering the same bundle again does nothing.
    @MainActor
    public static func register(base64: String) {
        guard registered.insert(base64.hashValue).inserted else { return }
        guard let data = Data(base64Encoded: base64) else { preconditionFailure("embedded GResource is not base64") }
        let bytes = data.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
        var error: UnsafeMutablePointer<GError>?
        guard let resource = g_resource_new_from_data(bytes, &error) else {
            preconditionFailure("embedded GResource is invalid: \(String(cString: error!.pointee.message))")
        }
        g_resources_register(resource)
        g_bytes_unref(bytes)
    }

    /// Whether a path exists in the registered resources.
    public static func contains(_ path: String) -> Bool {
        g_resources_get_info(path, G_RESOURCE_LOOKUP_FLAGS_NONE, nil, nil, nil) != 0
    }
}
