/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-readability.c: libFuzzer target: any bytes through the readability analysis. */
#include "config.h"

#include <stdint.h>

#include "candor-readability.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  for (guint flags = 0; flags < 2; flags++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CandorTextAnalysis) analysis =
        candor_text_analysis_new ((const char *) data, (gssize) size,
                                  size % 2 ? CANDOR_TEXT_LABEL : CANDOR_TEXT_WEB, flags, &error);
      GPtrArray *findings;
      guint n_chars;

      /* Invalid UTF-8 is refused with a message; valid text always analyses. */
      g_assert ((analysis == NULL) == (error != NULL));
      g_assert ((analysis == NULL) == !g_utf8_validate_len ((const char *) data, size, NULL));
      if (analysis == NULL)
        return 0;

      /* Every finding's span lies inside the text and quotes it. */
      n_chars = (guint) g_utf8_strlen ((const char *) data, (gssize) size);
      findings = candor_text_analysis_get_findings (analysis);
      for (guint i = 0; i < findings->len; i++)
        {
          CandorFinding *f = findings->pdata[i];
          g_assert (f->start <= f->end && f->end <= n_chars);
          g_assert (f->byte_start <= f->byte_end && f->byte_end <= size);
          g_assert (strncmp (f->quote, (const char *) data + f->byte_start, f->byte_end - f->byte_start) == 0);
        }
      g_free (candor_text_analysis_explain (analysis));
    }
  return 0;
}
