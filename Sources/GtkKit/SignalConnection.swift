import CGtk

/// A connected signal handler. Its closure box is owned by GLib: it is released by the
/// destroy notify when the handler is disconnected or the object is finalised.
public struct SignalConnection {
    public let id: UInt
    private let instance: UnsafeMutableRawPointer

    init(id: UInt, instance: UnsafeMutableRawPointer) {
        self.id = id
        self.instance = instance
    }

    /// Disconnects the handler; GLib then releases the closure box.
    @MainActor public func disconnect() {
        if g_signal_handler_is_connected(instance.assumingMemoryBound(to: GObject.self), gulong(id)) != 0 {
            g_signal_handler_disconnect(instance.assumingMemoryBound(to: GObject.self), gulong(id))
        }
    }
}

/// Holds the Swift closure of one signal handler.
final class SignalBox<Handler> {
    let handler: Handler
    init(_ handler: Handler) { self.handler = handler }
}

private typealias Callback0 = @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?) -> Void
private typealias Callback1 = @convention(c) (
    UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, UnsafeMutableRawPointer?
) -> Void
private typealias Callback2 = @convention(c) (
    UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, UnsafeMutableRawPointer?
) -> Void
private typealias CallbackBool0 = @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?) -> gboolean

public typealias SignalHandler0 = @MainActor () -> Void
public typealias SignalHandler1 = @MainActor (UnsafeMutableRawPointer?) -> Void
public typealias SignalHandler2 = @MainActor (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?) -> Void
public typealias SignalHandlerBool = @MainActor () -> Bool

private func releaseBox(_ data: gpointer?, _ closure: UnsafeMutablePointer<GClosure>?) {
    guard let data else { return }
    Unmanaged<AnyObject>.fromOpaque(data).release()
}

private func box<T>(_ data: UnsafeMutableRawPointer?, as _: T.Type) -> T {
    Unmanaged<SignalBox<T>>.fromOpaque(data!).takeUnretainedValue().handler
}

@MainActor
extension ObjectHandle {
    /// Connects a handler for a signal whose C callback takes no arguments besides the instance.
    @discardableResult
    public func connect(_ signal: String, _ handler: @escaping SignalHandler0) -> SignalConnection {
        let thunk: Callback0 = { _, data in
            MainActor.assumeIsolated { box(data, as: SignalHandler0.self)() }
        }
        return connect(signal, callback: unsafeBitCast(thunk, to: GCallback.self), box: SignalBox(handler))
    }

    /// Connects a handler for a signal with one pointer-sized argument (an object, a string, a GVariant).
    @discardableResult
    public func connect(_ signal: String, _ handler: @escaping SignalHandler1) -> SignalConnection {
        let thunk: Callback1 = { _, argument, data in
            MainActor.assumeIsolated { box(data, as: SignalHandler1.self)(argument) }
        }
        return connect(signal, callback: unsafeBitCast(thunk, to: GCallback.self), box: SignalBox(handler))
    }

    /// Connects a handler for a signal with two pointer-sized arguments.
    @discardableResult
    public func connect(_ signal: String, _ handler: @escaping SignalHandler2) -> SignalConnection {
        let thunk: Callback2 = { _, first, second, data in
            MainActor.assumeIsolated { box(data, as: SignalHandler2.self)(first, second) }
        }
        return connect(signal, callback: unsafeBitCast(thunk, to: GCallback.self), box: SignalBox(handler))
    }

    /// Connects a handler that returns a boolean, e.g. `close-request` (true stops the default).
    @discardableResult
    public func connectReturning(_ signal: String, _ handler: @escaping SignalHandlerBool) -> SignalConnection {
        let thunk: CallbackBool0 = { _, data in
            MainActor.assumeIsolated { box(data, as: SignalHandlerBool.self)() ? 1 : 0 }
        }
        return connect(signal, callback: unsafeBitCast(thunk, to: GCallback.self), box: SignalBox(handler))
    }

    private func connect(_ signal: String, callback: GCallback, box: AnyObject) -> SignalConnection {
        // The box is passed retained: GLib owns it from here and releases it in the destroy notify.
        let data = Unmanaged<AnyObject>.passRetained(box).toOpaque()
        let id = g_signal_connect_data(raw, signal, callback, data, releaseBox, GConnectFlags(rawValue: 0))
        precondition(id != 0, "no signal '\(signal)' on \(typeName)")
        return SignalConnection(id: UInt(id), instance: raw)
    }
}
