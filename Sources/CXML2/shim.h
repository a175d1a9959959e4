#include <libxml/xmlversion.h>
// libxml2's headers would pull in the system ICU headers, which clash with the ICU copy that
// Foundation ships. Qoima never touches the ICU members of xmlCharEncodingHandler (only pointers
// to it), so hiding them changes no layout it uses.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#include <libxml/c14n.h>
#include <libxml/xmlreader.h>

// Swift cannot form C variadic function pointers, and reads libxml2's allocator only through a
// global variable; these few helpers do both on its behalf.

static void qoima_xml_ignore_generic_error(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

/// Keeps libxml2 from printing the messages it raises without a parser context (character
/// conversion, for one) to stderr. The handler is per thread in a threaded libxml2: this sets it
/// for the calling thread and as the default of threads created later.
static inline void qoima_xml_silence_generic_errors(void) {
    xmlSetGenericErrorFunc(NULL, qoima_xml_ignore_generic_error);
}

static inline void qoima_xml_silence_generic_errors_of_new_threads(void) {
    xmlThrDefSetGenericErrorFunc(NULL, qoima_xml_ignore_generic_error);
}

static inline void qoima_xml_free(void *pointer) {
    xmlFree(pointer);
}
