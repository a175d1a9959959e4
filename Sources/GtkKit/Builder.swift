import CGtk
import Foundation

/// Loads GtkBuilder XML from the registered GResource and hands out its objects by id.
@MainActor
public final class Builder {
    private let builder: ObjectHandle

    /// - Parameter resource: a path inside the bundle, e.g. `/kz/qoima/Qoima/ui/window.ui`.
    public init(resource: String) {
        builder = ObjectHandle(gtk_builder_new_from_resource(resource)!, transfer: .full)
    }

    /// An object of the file by its `id`; the builder owns it, so the handle takes a reference.
    public func object(_ id: String) -> ObjectHandle {
        guard let object = gtk_builder_get_object(builder.opaque, id) else {
            preconditionFailure("no object '\(id)' in the builder file")
        }
        return ObjectHandle(object, transfer: .none)
    }
}
