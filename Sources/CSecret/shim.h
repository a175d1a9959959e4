#include <libsecret/secret.h>

/* Key passwords in the desktop keyring (Secret Service): one schema whose single attribute names
 * the key (a .p12 file's absolute path, or a certificate's fingerprint). The names live here only;
 * Swift reads them as QOIMA_KEY_PASSWORD_SCHEMA and QOIMA_KEY_PASSWORD_ATTRIBUTE.
 * Swift cannot call libsecret's variadic functions, so these helpers call them. */
#define QOIMA_KEY_PASSWORD_SCHEMA "kz.qoima.Qoima.KeyPassword"
#define QOIMA_KEY_PASSWORD_ATTRIBUTE "key"

static inline const SecretSchema *qoima_key_password_schema(void) {
    static const SecretSchema schema = {
        QOIMA_KEY_PASSWORD_SCHEMA,
        SECRET_SCHEMA_NONE,
        {
            { QOIMA_KEY_PASSWORD_ATTRIBUTE, SECRET_SCHEMA_ATTRIBUTE_STRING },
            { NULL, 0 },
        },
    };
    return &schema;
}

/* Stores `length` bytes of password for `key` in the default collection, replacing an earlier one. */
static inline gboolean qoima_key_password_store(const char *key, const char *label, const char *password,
                                                gsize length, GError **error) {
    /* secret_value_new copies the bytes into memory that secret_value_unref wipes. */
    SecretValue *value = secret_value_new(password, (gssize)length, "text/plain");
    gboolean stored = secret_password_store_binary_sync(qoima_key_password_schema(), SECRET_COLLECTION_DEFAULT,
                                                        label, value, NULL, error,
                                                        QOIMA_KEY_PASSWORD_ATTRIBUTE, key, NULL);
    secret_value_unref(value);
    return stored;
}

/* The password stored for `key` and its length, or NULL (with *error unset when nothing is stored).
 * Free it with secret_password_free, which wipes it. */
static inline gchar *qoima_key_password_lookup(const char *key, gsize *length, GError **error) {
    SecretValue *value = secret_password_lookup_binary_sync(qoima_key_password_schema(), NULL, error,
                                                            QOIMA_KEY_PASSWORD_ATTRIBUTE, key, NULL);
    if (value == NULL) return NULL;
    return secret_value_unref_to_password(value, length);
}

/* Removes the password stored for `key`; TRUE when one was there. */
static inline gboolean qoima_key_password_clear(const char *key, GError **error) {
    return secret_password_clear_sync(qoima_key_password_schema(), NULL, error,
                                      QOIMA_KEY_PASSWORD_ATTRIBUTE, key, NULL);
}

/* Whether a Secret Service answers on the session bus (starting it if D-Bus can). */
static inline gboolean qoima_secret_service_reachable(GError **error) {
    SecretService *service = secret_service_get_sync(SECRET_SERVICE_OPEN_SESSION, NULL, error);
    if (service == NULL) return FALSE;
    g_object_unref(service);
    return TRUE;
}
