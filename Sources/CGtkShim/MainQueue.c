#include "CGtkShim.h"
#include <glib-unix.h>
#include <fcntl.h>
#include <stdint.h>
#include <unistd.h>

// Exported by libdispatch for run loops (CoreFoundation uses the same pair).
extern int _dispatch_get_main_queue_handle_4CF(void);
extern void _dispatch_main_queue_callback_4CF(void *message);

static guint attached_source = 0;

static gboolean on_main_queue_ready(gint fd, GIOCondition condition, gpointer data) {
    (void)condition; (void)data;
    uint64_t pending;
    // The handle is an eventfd: clear it, then drain the queue.
    while (read(fd, &pending, sizeof pending) > 0) { }
    _dispatch_main_queue_callback_4CF(NULL);
    return G_SOURCE_CONTINUE;
}

guint qoima_main_queue_attach(void) {
    if (attached_source != 0) return attached_source;
    int fd = _dispatch_get_main_queue_handle_4CF();
    int flags = fcntl(fd, F_GETFL);
    if (flags >= 0) fcntl(fd, F_SETFL, flags | O_NONBLOCK);
    attached_source = g_unix_fd_add(fd, G_IO_IN, on_main_queue_ready, NULL);
    return attached_source;
}
