#ifndef QOIMA_CGTKSHIM_H
#define QOIMA_CGTKSHIM_H

// C helpers for what Swift cannot import from GTK: function-like macros, variadic
// functions, and the two small GObject types the big-table helper needs.

#include <gtk/gtk.h>
#include <adwaita.h>
#include <stdint.h>

// MARK: Casts and type checks (macros in C)

static inline GCallback qoima_callback(void *function) { return (GCallback)function; }
static inline gboolean qoima_is_a(gpointer instance, GType type) {
    return instance != NULL && g_type_check_instance_is_a((GTypeInstance *)instance, type);
}
static inline gboolean qoima_object_is_floating(gpointer object) { return g_object_is_floating(object); }
static inline guint qoima_object_ref_count(gpointer object) { return ((GObject *)object)->ref_count; }

// MARK: Accessibility (variadic in C)

/// Gives a widget without visible text (an icon-only button) the name screen readers say.
static inline void qoima_accessible_set_label(GtkWidget *widget, const char *label) {
    gtk_accessible_update_property(GTK_ACCESSIBLE(widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

// MARK: libdispatch's main queue on the GLib main loop

/// Adds libdispatch's main-queue handle to the default GLib main context, so blocks sent to
/// the main queue (and so `@MainActor` tasks) run while GTK owns the main thread.
/// Returns the GSource id; calling it again returns the same id.
guint qoima_main_queue_attach(void);

// MARK: Row items for big tables

/// A list item that only carries its position in the list: cells fetch the row at that
/// position from a paged cache, so a million rows cost nothing until they are shown.
#define QOIMA_TYPE_ROW_ITEM (qoima_row_item_get_type())
G_DECLARE_FINAL_TYPE(QoimaRowItem, qoima_row_item, QOIMA, ROW_ITEM, GObject)
/// A free-standing item (the sort probe compares two of them).
QoimaRowItem *qoima_row_item_new(guint position);
guint qoima_row_item_get_position(QoimaRowItem *item);

/// A GListModel of `count` positions whose items are made on demand.
#define QOIMA_TYPE_ROW_LIST (qoima_row_list_get_type())
G_DECLARE_FINAL_TYPE(QoimaRowList, qoima_row_list, QOIMA, ROW_LIST, GObject)
QoimaRowList *qoima_row_list_new(void);
/// Changes the number of positions: only the tail that was added or removed changes, so the
/// rows above keep their items (the table refills their cells itself).
void qoima_row_list_set_count(QoimaRowList *list, guint count);
guint qoima_row_list_get_count(QoimaRowList *list);
/// How many items this list has made so far (for tests of laziness).
uint64_t qoima_row_list_items_made(QoimaRowList *list);

#endif
