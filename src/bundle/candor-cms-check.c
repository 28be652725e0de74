/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-cms-check.c: a strict look at the parts of a CMS SignedData that the signature
 * does not cover and GnuTLS does not check (versions, digest algorithm list, trailing bytes),
 * so that no byte of SHA256SUMS.p7s can change unnoticed.
 *
 * libtasn1 decodes it (candor-cms.asn, the parts of RFC 5652 looked at) in strict DER; the
 * checks below read the decoded fields. GnuTLS's gnutls_pkcs7_* API does not expose the
 * SignedData and SignerInfo versions, the digest algorithm list or the signer identifier's
 * form, so it cannot be used for this. No byte is parsed by hand: DER is made sure of by
 * encoding the decoded structure again with libtasn1 and requiring the very same bytes (which
 * refuses long-form or padded lengths, unsorted sets and trailing bytes, as DER demands). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libtasn1.h>
#include <string.h>

#include "candor-bundle-private.h"

extern const asn1_static_node candor_cms_asn1_tab[];

#define OID_SIGNED_DATA "1.2.840.113549.1.7.2"
#define OID_DATA        "1.2.840.113549.1.7.1"
#define OID_SHA256      "2.16.840.1.101.3.4.2.1"

static asn1_node
definitions (void)
{
  static gsize once = 0;
  static asn1_node defs = NULL;

  if (g_once_init_enter (&once))
    {
      char message[ASN1_MAX_ERROR_DESCRIPTION_SIZE] = "";

      /* compiled into the program: a failure is a build bug */
      if (asn1_array2tree (candor_cms_asn1_tab, &defs, message) != ASN1_SUCCESS)
        g_error ("candor-cms.asn: %s", message);
      g_once_init_leave (&once, 1);
    }
  return defs;
}

/* Decodes all of @data as @type, strictly, and only if encoding the result again gives back
 * exactly @data (DER has one encoding of each value). */
static asn1_node
decode_der (const char *type, const guint8 *data, int size)
{
  asn1_node node = NULL;
  int consumed = size, length = size;
  g_autofree guint8 *again = NULL;

  if (size <= 0 || asn1_create_element (definitions (), type, &node) != ASN1_SUCCESS)
    return NULL;
  if (asn1_der_decoding2 (&node, data, &consumed, ASN1_DECODE_FLAG_STRICT_DER, NULL) != ASN1_SUCCESS
      || consumed != size)
    goto bad;
  again = g_malloc (size);
  if (asn1_der_coding (node, "", again, &length, NULL) != ASN1_SUCCESS || length != size
      || memcmp (again, data, size) != 0)
    goto bad;
  return node;

bad:
  asn1_delete_structure (&node);
  return NULL;
}

/* The value of @name as a NUL-terminated string (OBJECT IDENTIFIER, INTEGER bytes, CHOICE). */
static gboolean
value_is (asn1_node node, const char *name, const char *expected, int expected_len)
{
  char value[128];
  int len = sizeof value - 1;

  if (asn1_read_value (node, name, value, &len) != ASN1_SUCCESS)
    return FALSE;
  if (expected_len < 0)
    {
      value[len] = '\0';
      return strcmp (value, expected) == 0;
    }
  return len == expected_len && memcmp (value, expected, len) == 0;
}

static gboolean
is_absent (asn1_node node, const char *name)
{
  char value[1];
  int len = sizeof value;

  return asn1_read_value (node, name, value, &len) == ASN1_ELEMENT_NOT_FOUND;
}

static gboolean
count_is (asn1_node node, const char *name, int expected)
{
  int n = 0;

  return asn1_number_of_elements (node, name, &n) == ASN1_SUCCESS && n == expected;
}

/* SHA-256, with its parameters absent or NULL (both are in use). */
static gboolean
is_sha256 (asn1_node node, const char *prefix)
{
  g_autofree char *algorithm = g_strconcat (prefix, ".algorithm", NULL);
  g_autofree char *parameters = g_strconcat (prefix, ".parameters", NULL);

  return value_is (node, algorithm, OID_SHA256, -1)
         && (is_absent (node, parameters) || value_is (node, parameters, "\x05\x00", 2));
}

static gboolean
check_signed_data (const guint8 *data, int size)
{
  asn1_node sd = decode_der ("CandorCMS.SignedData", data, size);
  gboolean ok;

  if (sd == NULL)
    return FALSE;
  ok = /* version 1: issuer-and-serial signer, plain data */
       value_is (sd, "version", "\x01", 1) &&
       /* digestAlgorithms: SHA-256 only */
       count_is (sd, "digestAlgorithms", 1) && is_sha256 (sd, "digestAlgorithms.?1") &&
       /* encapContentInfo: data, detached */
       value_is (sd, "encapContentInfo.eContentType", OID_DATA, -1) &&
       is_absent (sd, "encapContentInfo.eContent") &&
       /* certificates (compared with signer.pem elsewhere) may be there; no CRLs */
       is_absent (sd, "crls") &&
       /* one signer, version 1, named by issuer and serial (checked against signer.pem) */
       count_is (sd, "signerInfos", 1) &&
       value_is (sd, "signerInfos.?1.version", "\x01", 1) &&
       value_is (sd, "signerInfos.?1.sid", "issuerAndSerialNumber", -1) &&
       is_sha256 (sd, "signerInfos.?1.digestAlgorithm") &&
       /* signed attributes, and nothing unsigned after the signature */
       !is_absent (sd, "signerInfos.?1.signedAttrs") &&
       is_absent (sd, "signerInfos.?1.unsignedAttrs");
  asn1_delete_structure (&sd);
  return ok;
}

gboolean
_candor_cms_check_structure (GBytes *der, GError **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (der, &size);
  asn1_node info = NULL;
  gboolean ok = FALSE;

  if (size > 0 && size <= G_MAXINT)
    info = decode_der ("CandorCMS.ContentInfo", data, (int) size);
  if (info != NULL && value_is (info, "contentType", OID_SIGNED_DATA, -1))
    {
      /* the SignedData inside [0] (an ANY: its own DER, checked on its own) */
      g_autofree guint8 *content = g_malloc (size);
      int length = (int) size;

      if (asn1_read_value (info, "content", content, &length) == ASN1_SUCCESS)
        ok = check_signed_data (content, length);
    }
  asn1_delete_structure (&info);

  if (!ok)
    g_set_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_BAD_SIGNATURE,
                 _("%s: not a well-formed detached CMS signature (one SHA-256 signer, DER)"),
                 "SHA256SUMS.p7s");
  return ok;
}
