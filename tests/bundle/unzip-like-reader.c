/* SPDX-License-Identifier: GPL-3.0-or-later */
/* unzip-like-reader.c: a central-directory-driven zip reader, independent of src/bundle. */
#include <string.h>
#include <zlib.h>

#include "candor-bundle-file.h"
#include "unzip-like-reader.h"

static guint32
get (const guint8 *p, guint n)
{
  guint32 value = 0;

  for (guint i = n; i > 0; i--)
    value = (value << 8) | p[i - 1];
  return value;
}

static GBytes *
inflate_raw (const guint8 *data, gsize size, gsize expected)
{
  /* one byte more than declared, to notice data that inflates to more */
  g_autofree guint8 *out = g_malloc (expected + 1);
  z_stream z = { 0 };
  int ret;

  if (inflateInit2 (&z, -MAX_WBITS) != Z_OK)
    return NULL;
  z.next_in = (Bytef *) data;
  z.avail_in = (uInt) size;
  z.next_out = out;
  z.avail_out = (uInt) expected + 1;
  ret = inflate (&z, Z_FINISH);
  inflateEnd (&z);
  if (ret != Z_STREAM_END || z.total_out != expected)
    return NULL;
  return g_bytes_new (out, expected);
}

GPtrArray *
test_unzip_like_read (GBytes *zip)
{
  g_autoptr(GPtrArray) files = candor_bundle_file_list_new ();
  gsize size;
  const guint8 *data = g_bytes_get_data (zip, &size);
  gsize end = 0, at;
  guint count;
  gboolean found = FALSE;

  if (data == NULL || size < 22)
    return NULL;
  /* the last end record within the comment's reach, as unzip looks for it */
  for (gsize back = 22; back <= MIN (size, 22 + 65535) && !found; back++)
    if (memcmp (data + size - back, "PK\x05\x06", 4) == 0)
      {
        end = size - back;
        found = TRUE;
      }
  if (!found)
    return NULL;
  count = get (data + end + 10, 2);
  at = get (data + end + 16, 4);
  for (guint i = 0; i < count; i++)
    {
      guint32 method, crc, csize, usize, name_len, extra_len, comment_len, offset;
      gsize start;
      g_autofree char *name = NULL;
      g_autoptr(GBytes) content = NULL;

      if (at + 46 > size || memcmp (data + at, "PK\x01\x02", 4) != 0)
        return NULL;
      method = get (data + at + 10, 2);
      crc = get (data + at + 16, 4);
      csize = get (data + at + 20, 4);
      usize = get (data + at + 24, 4);
      name_len = get (data + at + 28, 2);
      extra_len = get (data + at + 30, 2);
      comment_len = get (data + at + 32, 2);
      offset = get (data + at + 42, 4);
      if (at + 46 + name_len > size || usize > CANDOR_BUNDLE_MAX_ENTRY_SIZE)
        return NULL;
      name = g_strndup ((const char *) data + at + 46, name_len);
      if ((gsize) offset + 30 > size || memcmp (data + offset, "PK\x03\x04", 4) != 0)
        return NULL;
      start = (gsize) offset + 30 + get (data + offset + 26, 2) + get (data + offset + 28, 2);
      if (start > size || csize > size - start)
        return NULL;
      if (method == 0 && csize == usize)
        content = g_bytes_new (data + start, usize);
      else if (method == 8)
        content = inflate_raw (data + start, csize, usize);
      if (content == NULL ||
          crc32 (0L, g_bytes_get_data (content, NULL), (uInt) g_bytes_get_size (content)) != crc)
        return NULL;
      g_ptr_array_add (files, candor_bundle_file_new (name, content));
      at += 46 + name_len + extra_len + comment_len;
    }
  return g_steal_pointer (&files);
}
