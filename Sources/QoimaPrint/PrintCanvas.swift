import CPangoCairo

/// A cairo context to measure and draw plain text on, with Pango. The text is set as text,
/// never as markup, so nothing in a document can change how it is drawn.
///
/// Measuring must give the same sizes on every surface (a PDF file, a PNG, a printer's
/// context from GtkPrintOperation), or the page counts would differ: the Pango context is set
/// to 72 units per inch with unhinted metrics and unrounded glyph positions, so text measures
/// the same at any scale and on any backend.
public final class PrintCanvas {
    public enum Alignment: Sendable {
        case leading, center, trailing
    }

    /// The cairo context (`cairo_t *`) drawn on; owned by the caller.
    public let context: OpaquePointer
    /// The page's size in points: what the document is laid out on.
    public let pageWidth: Double
    public let pageHeight: Double
    private let layout: OpaquePointer
    private var fonts: [PrintFont: OpaquePointer] = [:]

    /// `context` is a `cairo_t *` whose user space is in points with the page's top-left at 0, 0.
    public init(context: OpaquePointer, pageWidth: Double, pageHeight: Double) {
        self.context = context
        self.pageWidth = pageWidth
        self.pageHeight = pageHeight
        layout = pango_cairo_create_layout(context)
        let pango = pango_layout_get_context(layout)
        pango_cairo_context_set_resolution(pango, 72)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        pango_cairo_context_set_font_options(pango, options)
        cairo_font_options_destroy(options)
        pango_context_set_round_glyph_positions(pango, 0)
        pango_layout_context_changed(layout)
        // A word broken across lines gets no hyphen, so the printed text is the text given.
        let attributes = pango_attr_list_new()
        pango_attr_list_insert(attributes, pango_attr_insert_hyphens_new(0))
        pango_layout_set_attributes(layout, attributes)
        pango_attr_list_unref(attributes)
    }

    deinit {
        for description in fonts.values { pango_font_description_free(description) }
        g_object_unref(UnsafeMutableRawPointer(layout))
    }

    /// The height of `text` in `font` wrapped to `width` (at most `maxLines` lines; 0: no limit).
    public func height(of text: String, font: PrintFont, width: Double, maxLines: Int = 0) -> Double {
        prepare(text, font: font, width: width, alignment: .leading, maxLines: maxLines)
        var inked = PangoRectangle()
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, &inked, &logical)
        return Double(logical.height) / Double(PANGO_SCALE)
    }

    /// The width `text` takes on one line in `font`.
    public func width(of text: String, font: PrintFont) -> Double {
        prepare(text, font: font, width: nil, alignment: .leading, maxLines: 0)
        var inked = PangoRectangle()
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, &inked, &logical)
        return Double(logical.width) / Double(PANGO_SCALE)
    }

    /// Draws `text` with its top-left at `x`, `y`, wrapped to `width`; with `maxLines` the rest
    /// is cut off with an ellipsis.
    public func draw(_ text: String, font: PrintFont, x: Double, y: Double, width: Double,
                     alignment: Alignment = .leading, maxLines: Int = 0) {
        guard !text.isEmpty else { return }
        prepare(text, font: font, width: width, alignment: alignment, maxLines: maxLines)
        cairo_move_to(context, x, y)
        pango_cairo_show_layout(context, layout)
    }

    /// A straight line.
    public func line(from start: (x: Double, y: Double), to end: (x: Double, y: Double), width: Double = 0.5) {
        cairo_set_line_width(context, width)
        cairo_move_to(context, start.x, start.y)
        cairo_line_to(context, end.x, end.y)
        cairo_stroke(context)
    }

    /// A rectangle's outline, or filled in a grey (0 black, 1 white).
    public func rectangle(x: Double, y: Double, width: Double, height: Double, fill grey: Double? = nil,
                          lineWidth: Double = 0.5) {
        cairo_rectangle(context, x, y, width, height)
        if let grey {
            cairo_set_source_rgb(context, grey, grey, grey)
            cairo_fill(context)
            cairo_set_source_rgb(context, 0, 0, 0)
        } else {
            cairo_set_line_width(context, lineWidth)
            cairo_stroke(context)
        }
    }

    private func prepare(_ text: String, font: PrintFont, width: Double?, alignment: Alignment, maxLines: Int) {
        pango_layout_set_font_description(layout, description(of: font))
        pango_layout_set_text(layout, text, -1)
        if let width {
            pango_layout_set_width(layout, Int32((width * Double(PANGO_SCALE)).rounded(.down)))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        } else {
            pango_layout_set_width(layout, -1)
        }
        if maxLines > 0 {
            pango_layout_set_height(layout, Int32(-maxLines))
            pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END)
        } else {
            pango_layout_set_height(layout, -1)
            pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_NONE)
        }
        switch alignment {
        case .leading: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .trailing: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        }
    }

    private func description(of font: PrintFont) -> OpaquePointer {
        if let known = fonts[font] { return known }
        let description = pango_font_description_new()!
        pango_font_description_set_family(description, PrintFont.family)
        pango_font_description_set_size(description, Int32((font.size * Double(PANGO_SCALE)).rounded()))
        pango_font_description_set_weight(description, font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        fonts[font] = description
        return description
    }
}
