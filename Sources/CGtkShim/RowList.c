#include "CGtkShim.h"

struct _QoimaRowItem {
    GObject parent_instance;
    gint64 id;
    guint index;
};

G_DEFINE_FINAL_TYPE(QoimaRowItem, qoima_row_item, G_TYPE_OBJECT)

static void qoima_row_item_class_init(QoimaRowItemClass *klass) { (void)klass; }
static void qoima_row_item_init(QoimaRowItem *self) { (void)self; }

int64_t qoima_row_item_get_id(QoimaRowItem *item) { return item->id; }
guint qoima_row_item_get_index(QoimaRowItem *item) { return item->index; }

struct _QoimaRowList {
    GObject parent_instance;
    GArray *ids;
    guint64 items_made;
};

static GType row_list_get_item_type(GListModel *model) { (void)model; return QOIMA_TYPE_ROW_ITEM; }

static guint row_list_get_n_items(GListModel *model) { return QOIMA_ROW_LIST(model)->ids->len; }

static gpointer row_list_get_item(GListModel *model, guint position) {
    QoimaRowList *self = QOIMA_ROW_LIST(model);
    if (position >= self->ids->len) return NULL;
    QoimaRowItem *item = g_object_new(QOIMA_TYPE_ROW_ITEM, NULL);
    item->id = g_array_index(self->ids, gint64, position);
    item->index = position;
    self->items_made++;
    return item;
}

static void row_list_model_init(GListModelInterface *iface) {
    iface->get_item_type = row_list_get_item_type;
    iface->get_n_items = row_list_get_n_items;
    iface->get_item = row_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE(QoimaRowList, qoima_row_list, G_TYPE_OBJECT,
                              G_IMPLEMENT_INTERFACE(G_TYPE_LIST_MODEL, row_list_model_init))

static void qoima_row_list_finalize(GObject *object) {
    g_array_unref(QOIMA_ROW_LIST(object)->ids);
    G_OBJECT_CLASS(qoima_row_list_parent_class)->finalize(object);
}

static void qoima_row_list_class_init(QoimaRowListClass *klass) {
    G_OBJECT_CLASS(klass)->finalize = qoima_row_list_finalize;
}

static void qoima_row_list_init(QoimaRowList *self) {
    self->ids = g_array_new(FALSE, FALSE, sizeof(gint64));
}

QoimaRowList *qoima_row_list_new(void) { return g_object_new(QOIMA_TYPE_ROW_LIST, NULL); }

void qoima_row_list_set_ids(QoimaRowList *list, const int64_t *ids, guint count) {
    guint removed = list->ids->len;
    g_array_set_size(list->ids, 0);
    if (count > 0) g_array_append_vals(list->ids, ids, count);
    g_list_model_items_changed(G_LIST_MODEL(list), 0, removed, count);
}

uint64_t qoima_row_list_items_made(QoimaRowList *list) { return list->items_made; }
