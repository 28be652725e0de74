/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-review.c: libFuzzer target: any draft the loader accepts, given to the review model:
 * attaching it (anchors re-found), reading every comment and status, typing into a commented
 * text, approving and overriding must never crash, and what it then saves must load again. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "candor-error.h"
#include "candor-format.h"
#include "candor-review.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(CandorDocument) doc = candor_format_load_bytes (bytes, NULL);
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(GPtrArray) unapproved = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(CandorDocument) again = NULL;
  g_autoptr(GError) error = NULL;
  CandorReview *review;

  if (doc == NULL)
    return 0;
  review = candor_review_get_for_document (doc);
  comments = candor_review_list_comments (review, -1);
  for (guint i = 0; i < comments->len; i++)
    {
      CandorComment *c = comments->pdata[i];
      CandorElement *element = candor_document_get_element (doc, c->element);

      /* every attached anchor is on its quote */
      if (c->target == CANDOR_COMMENT_ON_TEXT && !c->detached)
        {
          const char *text = candor_element_get_text (element, c->field);
          g_assert_cmpuint (c->start, <, c->end);
          g_assert_cmpuint (c->end, <=, g_utf8_strlen (text, -1));
        }
      if (c->target == CANDOR_COMMENT_ON_TEXT)
        {
          candor_element_replace_text (element, c->field, c->start + 1, 2, "xy", TRUE);
          candor_element_replace_text (element, c->field, 0, 0, "A ", TRUE);
        }
      (void) candor_review_reply (review, c->id, "Fuzz", "reply", NULL, NULL);
      (void) candor_review_resolve (review, c->id, "Fuzz", NULL, NULL);
    }
  for (CandorElementId id = 0; id < CANDOR_N_ELEMENTS; id++)
    {
      g_autoptr(CandorElementReview) state = candor_review_get_element_review (review, id);
      g_autoptr(GPtrArray) diff = candor_review_changes_since_approval (review, id, CANDOR_TEXT_WEB);
      g_auto(GStrv) keys = candor_review_changed_keys_since_approval (review, id);

      /* lapsed only when approved; a difference only with an approval to compare with */
      g_assert_true (!state->lapsed || state->status == CANDOR_REVIEW_STATUS_APPROVED);
      g_assert_true (diff == NULL || state->status == CANDOR_REVIEW_STATUS_APPROVED);
      g_assert_true ((diff == NULL) == (keys == NULL));
      (void) candor_review_approve (review, id, "Fuzz", NULL, NULL);
    }
  unapproved = candor_review_list_unapproved (review);
  g_assert_cmpuint (unapproved->len, ==, 0);
  {
    g_autoptr(JsonArray) override = candor_review_record_export_override (review, "Fuzz", "fuzzing", NULL, NULL);
    g_assert_true (override == NULL || json_array_get_length (override) == 0);
  }
  out = candor_format_serialize (doc);
  again = candor_format_load_bytes (out, &error);
  if (again == NULL && error->code == CANDOR_ERROR_INVALID
      && strstr (error->message, "at most") != NULL)
    return 0;   /* the fuzzer made a text longer than the loader allows: not the model's doing */
  g_assert_no_error (error);
  return 0;
}
