#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/cms.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/provider.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

// OpenSSL spells many calls as macros or variadic functions, which Swift cannot import; these
// inline helpers stand in for the few Qoima uses.

static inline long qoima_bio_mem_data(BIO *bio, char **data) { return BIO_get_mem_data(bio, data); }
static inline EVP_PKEY *qoima_rsa_generate(unsigned int bits) { return EVP_RSA_gen(bits); }
static inline void qoima_openssl_free(void *pointer) { OPENSSL_free(pointer); }

static inline int qoima_x509_stack_count(const STACK_OF(X509) *stack) { return sk_X509_num(stack); }
static inline X509 *qoima_x509_stack_value(const STACK_OF(X509) *stack, int index) { return sk_X509_value(stack, index); }
static inline STACK_OF(X509) *qoima_x509_stack_new(void) { return sk_X509_new_null(); }
static inline int qoima_x509_stack_push(STACK_OF(X509) *stack, X509 *certificate) { return sk_X509_push(stack, certificate); }
static inline void qoima_x509_stack_free(STACK_OF(X509) *stack) { sk_X509_free(stack); }
static inline void qoima_x509_stack_pop_free(STACK_OF(X509) *stack) { sk_X509_pop_free(stack, X509_free); }

static inline int qoima_safebag_stack_count(const STACK_OF(PKCS12_SAFEBAG) *stack) { return sk_PKCS12_SAFEBAG_num(stack); }
static inline PKCS12_SAFEBAG *qoima_safebag_stack_value(const STACK_OF(PKCS12_SAFEBAG) *stack, int index) {
    return sk_PKCS12_SAFEBAG_value(stack, index);
}
static inline void qoima_safebag_stack_free(STACK_OF(PKCS12_SAFEBAG) *stack) { sk_PKCS12_SAFEBAG_pop_free(stack, PKCS12_SAFEBAG_free); }
static inline STACK_OF(PKCS12_SAFEBAG) *qoima_safebag_stack_new(void) { return sk_PKCS12_SAFEBAG_new_null(); }
static inline int qoima_safebag_stack_push(STACK_OF(PKCS12_SAFEBAG) *stack, PKCS12_SAFEBAG *bag) { return sk_PKCS12_SAFEBAG_push(stack, bag); }

static inline int qoima_pkcs7_stack_count(const STACK_OF(PKCS7) *stack) { return sk_PKCS7_num(stack); }
static inline PKCS7 *qoima_pkcs7_stack_value(const STACK_OF(PKCS7) *stack, int index) { return sk_PKCS7_value(stack, index); }
static inline void qoima_pkcs7_stack_free(STACK_OF(PKCS7) *stack) { sk_PKCS7_pop_free(stack, PKCS7_free); }
static inline STACK_OF(PKCS7) *qoima_pkcs7_stack_new(void) { return sk_PKCS7_new_null(); }
static inline int qoima_pkcs7_stack_push(STACK_OF(PKCS7) *stack, PKCS7 *item) { return sk_PKCS7_push(stack, item); }

static inline int qoima_object_stack_count(const STACK_OF(ASN1_OBJECT) *stack) { return sk_ASN1_OBJECT_num(stack); }
static inline ASN1_OBJECT *qoima_object_stack_value(const STACK_OF(ASN1_OBJECT) *stack, int index) {
    return sk_ASN1_OBJECT_value(stack, index);
}
static inline void qoima_object_stack_free(STACK_OF(ASN1_OBJECT) *stack) { sk_ASN1_OBJECT_pop_free(stack, ASN1_OBJECT_free); }

static inline int qoima_general_names_count(const GENERAL_NAMES *names) { return sk_GENERAL_NAME_num(names); }
static inline void *qoima_openssl_malloc(size_t size) { return OPENSSL_malloc(size); }
