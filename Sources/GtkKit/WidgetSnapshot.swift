import CGtk

/// Renders a realised widget to a PNG file: GtkWidgetPaintable → GskRenderNode →
/// the widget's own renderer → GdkTexture → PNG. With `GSK_RENDERER=cairo` the result is stable.
@MainActor
public enum WidgetSnapshot {
    public enum Failure: Error, CustomStringConvertible {
        case notRealized, emptySize, renderFailed, saveFailed(String)
        public var description: String {
            switch self {
            case .notRealized: "The widget has no renderer yet: show it before taking a snapshot"
            case .emptySize: "The widget has no size yet"
            case .renderFailed: "The renderer produced no texture"
            case .saveFailed(let path): "Cannot write \(path)"
            }
        }
    }

    /// Saves the widget as it is drawn now; returns its size in pixels.
    @discardableResult
    public static func savePNG(of widget: ObjectHandle, to path: String) throws(Failure) -> (width: Int, height: Int) {
        let pointer = widget.widget
        guard let native = gtk_widget_get_native(pointer),
              let renderer = gtk_native_get_renderer(native) else { throw .notRealized }
        let width = gtk_widget_get_width(pointer), height = gtk_widget_get_height(pointer)
        guard width > 0, height > 0 else { throw .emptySize }

        let paintable = ObjectHandle(gtk_widget_paintable_new(pointer)!, transfer: .full)
        let snapshot = gtk_snapshot_new()!
        gdk_paintable_snapshot(paintable.opaque, snapshot, Double(width), Double(height))
        guard let node = gtk_snapshot_free_to_node(snapshot) else { throw .renderFailed }
        defer { gsk_render_node_unref(node) }
        var bounds = graphene_rect_t()
        graphene_rect_init(&bounds, 0, 0, Float(width), Float(height))
        guard let rendered = gsk_renderer_render_texture(renderer, node, &bounds) else { throw .renderFailed }
        let texture = ObjectHandle(rendered, transfer: .full)
        guard gdk_texture_save_to_png(texture.opaque, path) != 0 else { throw .saveFailed(path) }
        return (Int(width), Int(height))
    }
}
