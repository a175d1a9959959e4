import CGtk

/// Anything that points at a GObject: GTK's final types import into Swift as `OpaquePointer`,
/// derivable ones as typed pointers. Both normalise to a raw pointer here.
public protocol GObjectPointer {
    var rawObjectPointer: UnsafeMutableRawPointer { get }
}

extension OpaquePointer: GObjectPointer {
    public var rawObjectPointer: UnsafeMutableRawPointer { UnsafeMutableRawPointer(self) }
}

extension UnsafeMutablePointer: GObjectPointer {
    public var rawObjectPointer: UnsafeMutableRawPointer { UnsafeMutableRawPointer(self) }
}

extension UnsafeMutableRawPointer: GObjectPointer {
    public var rawObjectPointer: UnsafeMutableRawPointer { self }
}

/// How a pointer came to us, after the C docs' transfer annotation.
public enum Transfer: Sendable {
    /// `(transfer full)`: we already own a reference; adopt it.
    case full
    /// `(transfer none)`: somebody else owns it; take a reference of our own.
    case none
    /// A newly made widget (or any `GInitiallyUnowned`) that Swift keeps: sink the floating ref.
    case floating
}

/// The one owning wrapper of a GObject in Qoima: it holds exactly one reference and drops it
/// when the handle goes away. Never unref what this handle did not ref.
public final class ObjectHandle {
    public let raw: UnsafeMutableRawPointer

    public init(_ pointer: some GObjectPointer, transfer: Transfer) {
        raw = pointer.rawObjectPointer
        switch transfer {
        case .full: break
        case .none: g_object_ref(raw)
        case .floating: g_object_ref_sink(raw)
        }
    }

    /// Wraps a pointer that may be NULL.
    public convenience init?(_ pointer: (some GObjectPointer)?, transfer: Transfer) {
        guard let pointer else { return nil }
        self.init(pointer, transfer: transfer)
    }

    deinit { g_object_unref(raw) }

    /// The pointer as a derivable GTK type, e.g. `handle.pointer(to: GtkWidget.self)`.
    public func pointer<T>(to type: T.Type) -> UnsafeMutablePointer<T> {
        raw.assumingMemoryBound(to: type)
    }

    /// The pointer as a final GTK type, which Swift sees as `OpaquePointer`.
    public var opaque: OpaquePointer { OpaquePointer(raw) }

    public var widget: UnsafeMutablePointer<GtkWidget> { pointer(to: GtkWidget.self) }

    /// The GType name, e.g. "GtkButton".
    public var typeName: String {
        String(cString: g_type_name(raw.assumingMemoryBound(to: GTypeInstance.self).pointee.g_class.pointee.g_type))
    }

    public func isA(_ type: GType) -> Bool {
        g_type_check_instance_is_a(raw.assumingMemoryBound(to: GTypeInstance.self), type) != 0
    }
}

extension ObjectHandle: Equatable {
    public static func == (lhs: ObjectHandle, rhs: ObjectHandle) -> Bool { lhs.raw == rhs.raw }
}

/// A C pointer type a GObject can be seen as: `OpaquePointer` (final GTK types) or a typed
/// pointer (derivable ones). Lets call sites write `handle.cPointer()` and have the C
/// function's parameter type pick the spelling.
public protocol GObjectPointerSpelling {
    init(gobject raw: UnsafeMutableRawPointer)
}

extension OpaquePointer: GObjectPointerSpelling {
    public init(gobject raw: UnsafeMutableRawPointer) { self.init(raw) }
}

extension UnsafeMutablePointer: GObjectPointerSpelling {
    public init(gobject raw: UnsafeMutableRawPointer) { self = raw.assumingMemoryBound(to: Pointee.self) }
}

extension ObjectHandle {
    /// The object as whatever pointer type the C function at the call site expects.
    public func cPointer<P: GObjectPointerSpelling>() -> P { P(gobject: raw) }
}

/// Re-spells a borrowed GObject pointer for a C function that declares its parameter differently
/// (a `GtkWidget *` passed where a `GtkBox *` is wanted). No reference is taken.
public func gcast<P: GObjectPointerSpelling>(_ pointer: some GObjectPointer) -> P {
    P(gobject: pointer.rawObjectPointer)
}
