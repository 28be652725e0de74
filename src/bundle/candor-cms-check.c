/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-cms-check.c: a strict look at the parts of a CMS SignedData that the signature
 * does not cover and GnuTLS does not check (versions, digest algorithm list, trailing bytes),
 * so that no byte of SHA256SUMS.p7s can change unnoticed. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "candor-bundle-private.h"

typedef struct
{
  guint8        tag;
  const guint8 *content;
  gsize         length;
  const guint8 *next;
} Tlv;

/* One DER element: low tag numbers only, definite minimal lengths. */
static gboolean
read_tlv (const guint8 *p, const guint8 *end, Tlv *tlv)
{
  gsize length = 0;

  if (end - p < 2 || (p[0] & 0x1f) == 0x1f)
    return FALSE;
  tlv->tag = p[0];
  if (p[1] < 0x80)
    {
      length = p[1];
      p += 2;
    }
  else
    {
      guint n = p[1] & 0x7f;

      if (n == 0 || n > 4 || (gsize) (end - p) < 2 + n || p[2] == 0)
        return FALSE;
      for (guint i = 0; i < n; i++)
        length = (length << 8) | p[2 + i];
      if (length < 0x80)
        return FALSE;
      p += 2 + n;
    }
  if ((gsize) (end - p) < length)
    return FALSE;
  tlv->content = p;
  tlv->length = length;
  tlv->next = p + length;
  return TRUE;
}

static gboolean
content_is (const Tlv *tlv, guint8 tag, const guint8 *expected, gsize length)
{
  return tlv->tag == tag && tlv->length == length && memcmp (tlv->content, expected, length) == 0;
}

gboolean
_candor_cms_check_structure (GBytes *der, GError **error)
{
  static const guint8 oid_signed_data[] = { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02 };
  static const guint8 oid_data[] = { 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01 };
  static const guint8 sha256[] = { 0x30, 0x0b, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01 };
  static const guint8 sha256_null[] = { 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00 };
  static const guint8 one[] = { 0x01 };
  gsize size;
  const guint8 *data = g_bytes_get_data (der, &size);
  const guint8 *end = data + size;
  Tlv info, oid, wrapper, signed_data, field, signer;
  gboolean ok;

  ok = size > 0 &&
       read_tlv (data, end, &info) && info.tag == 0x30 && info.next == end &&
       read_tlv (info.content, info.next, &oid) &&
       content_is (&oid, 0x06, oid_signed_data, sizeof oid_signed_data) &&
       read_tlv (oid.next, info.next, &wrapper) && wrapper.tag == 0xa0 && wrapper.next == info.next &&
       read_tlv (wrapper.content, wrapper.next, &signed_data) && signed_data.tag == 0x30 &&
       signed_data.next == wrapper.next &&
       /* version 1: issuer-and-serial signer, plain data */
       read_tlv (signed_data.content, signed_data.next, &field) && content_is (&field, 0x02, one, 1) &&
       /* digestAlgorithms: SHA-256 only */
       read_tlv (field.next, signed_data.next, &field) && field.tag == 0x31 &&
       ((field.length == sizeof sha256 && memcmp (field.content, sha256, sizeof sha256) == 0) ||
        (field.length == sizeof sha256_null && memcmp (field.content, sha256_null, sizeof sha256_null) == 0)) &&
       /* encapContentInfo: data, detached */
       read_tlv (field.next, signed_data.next, &field) && content_is (&field, 0x30, oid_data, sizeof oid_data) &&
       read_tlv (field.next, signed_data.next, &field);
  /* certificates [0] (compared with signer.pem elsewhere); no CRLs */
  if (ok && field.tag == 0xa0)
    ok = read_tlv (field.next, signed_data.next, &field);
  ok = ok && field.tag == 0x31 && field.next == signed_data.next &&
       read_tlv (field.content, field.next, &signer) && signer.tag == 0x30 && signer.next == field.next &&
       read_tlv (signer.content, signer.next, &field) && content_is (&field, 0x02, one, 1) &&
       /* sid (checked against signer.pem), then the digest algorithm: SHA-256 */
       read_tlv (field.next, signer.next, &field) && field.tag == 0x30 &&
       read_tlv (field.next, signer.next, &field) &&
       (content_is (&field, 0x30, sha256 + 2, sizeof sha256 - 2) ||
        content_is (&field, 0x30, sha256_null + 2, sizeof sha256_null - 2)) &&
       /* signed attributes, signature algorithm, signature, and nothing unsigned after them */
       read_tlv (field.next, signer.next, &field) && field.tag == 0xa0 &&
       read_tlv (field.next, signer.next, &field) && field.tag == 0x30 &&
       read_tlv (field.next, signer.next, &field) && field.tag == 0x04 && field.next == signer.next;

  if (!ok)
    g_set_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_BAD_SIGNATURE,
                 _("%s: not a well-formed detached CMS signature (one SHA-256 signer, DER)"),
                 "SHA256SUMS.p7s");
  return ok;
}
