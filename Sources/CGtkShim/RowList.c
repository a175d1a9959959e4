#include "CGtkShim.h"

struct _QoimaRowItem {
    GObject parent_instance;
    guint position;
};

G_DEFINE_FINAL_TYPE(QoimaRowItem, qoima_row_item, G_TYPE_OBJECT)

static void qoima_row_item_class_init(QoimaRowItemClass *klass) { (void)klass; }
static void qoima_row_item_init(QoimaRowItem *self) { (void)self; }

QoimaRowItem *qoima_row_item_new(guint position) {
    QoimaRowItem *item = g_object_new(QOIMA_TYPE_ROW_ITEM, NULL);
    item->position = position;
    return item;
}

guint qoima_row_item_get_position(QoimaRowItem *item) { return item->position; }

struct _QoimaRowList {
    GObject parent_instance;
    guint count;
    guint64 items_made;
};

static GType row_list_get_item_type(GListModel *model) { (void)model; return QOIMA_TYPE_ROW_ITEM; }

static guint row_list_get_n_items(GListModel *model) { return QOIMA_ROW_LIST(model)->count; }

static gpointer row_list_get_item(GListModel *model, guint position) {
    QoimaRowList *self = QOIMA_ROW_LIST(model);
    if (position >= self->count) return NULL;
    self->items_made++;
    return qoima_row_item_new(position);
}

static void row_list_model_init(GListModelInterface *iface) {
    iface->get_item_type = row_list_get_item_type;
    iface->get_n_items = row_list_get_n_items;
    iface->get_item = row_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE(QoimaRowList, qoima_row_list, G_TYPE_OBJECT,
                              G_IMPLEMENT_INTERFACE(G_TYPE_LIST_MODEL, row_list_model_init))

static void qoima_row_list_class_init(QoimaRowListClass *klass) { (void)klass; }
static void qoima_row_list_init(QoimaRowList *self) { (void)self; }

QoimaRowList *qoima_row_list_new(void) { return g_object_new(QOIMA_TYPE_ROW_LIST, NULL); }

void qoima_row_list_set_count(QoimaRowList *list, guint count) {
    guint old = list->count;
    list->count = count;
    // Positions below both counts keep their items, so the view keeps its rows, scroll and selection.
    guint kept = MIN(old, count);
    if (old != count) g_list_model_items_changed(G_LIST_MODEL(list), kept, old - kept, count - kept);
}

guint qoima_row_list_get_count(QoimaRowList *list) { return list->count; }

uint64_t qoima_row_list_items_made(QoimaRowList *list) { return list->items_made; }
