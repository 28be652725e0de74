/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-load.c: libFuzzer target: any bytes given to the draft loader and checker. */
#include "config.h"

#include <stdint.h>

#include "candor-format.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorDocument) doc = candor_format_load_bytes (bytes, &error);
  g_autoptr(GPtrArray) problems = candor_format_check_bytes (bytes);

  /* Either a document or a message, never both or neither; and a loaded draft must write
   * back into something that loads again to the same model (same serialisation), with every
   * string valid UTF-8 (the writer's output is checked whole). */
  g_assert ((doc == NULL) != (error == NULL));
  g_assert ((doc == NULL) == (problems->len > 0));
  if (doc != NULL)
    {
      g_autoptr(GBytes) out = candor_format_serialize (doc);
      g_autoptr(CandorDocument) again = candor_format_load_bytes (out, &error);
      g_autoptr(GBytes) out_again = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (again);
      g_assert_true (g_utf8_validate (g_bytes_get_data (out, NULL), (gssize) g_bytes_get_size (out), NULL));
      out_again = candor_format_serialize (again);
      g_assert_true (g_bytes_equal (out, out_again));
    }
  return 0;
}
