/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-review-status.c: element statuses, approvals that lapse, the override record. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "candor-approval.h"
#include "candor-json-util.h"
#include "candor-review-private.h"

#define MAX_SHORT 2000

static const char *status_keys[] = { "draft", "needs-work", "ready", "approved" };

const char *
candor_review_status_to_key (CandorReviewStatus status)
{
  g_return_val_if_fail (status <= CANDOR_REVIEW_STATUS_APPROVED, "draft");
  return status_keys[status];
}

void
candor_element_review_free (CandorElementReview *state)
{
  if (state == NULL)
    return;
  g_free (state->approved_by);
  g_free (state->approved_at);
  g_free (state->approved_digest);
  g_free (state->changed_by);
  g_free (state->changed_at);
  g_free (state);
}

static CandorReviewStatus
stored_status (JsonObject *element)
{
  const char *key = _candor_review_string (element, "status");

  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (status_keys); i++)
    if (strcmp (key, status_keys[i]) == 0)
      return (CandorReviewStatus) i;
  return CANDOR_REVIEW_STATUS_DRAFT;
}

CandorReviewStatus
candor_review_get_status (CandorReview *self, CandorElementId element)
{
  g_return_val_if_fail (CANDOR_IS_REVIEW (self), CANDOR_REVIEW_STATUS_DRAFT);
  g_return_val_if_fail (element < CANDOR_N_ELEMENTS, CANDOR_REVIEW_STATUS_DRAFT);

  return stored_status (_candor_review_element (self, element, FALSE));
}

gboolean
candor_review_is_lapsed (CandorReview *self, CandorElementId element)
{
  JsonObject *state;
  const char *digest;
  g_autofree char *now = NULL;

  g_return_val_if_fail (CANDOR_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (element < CANDOR_N_ELEMENTS, FALSE);

  state = _candor_review_element (self, element, FALSE);
  if (stored_status (state) != CANDOR_REVIEW_STATUS_APPROVED)
    return FALSE;
  digest = _candor_review_string (state, "approved_digest");
  if (digest == NULL)
    return TRUE;   /* an approval of nothing in particular covers nothing */
  now = candor_approval_digest (candor_review_get_document (self), element);
  return strcmp (now, digest) != 0;
}

gboolean
candor_review_is_approved (CandorReview *self, CandorElementId element)
{
  return candor_review_get_status (self, element) == CANDOR_REVIEW_STATUS_APPROVED
         && !candor_review_is_lapsed (self, element);
}

CandorElementReview *
candor_review_get_element_review (CandorReview *self, CandorElementId element)
{
  CandorElementReview *result;
  JsonObject *state;

  g_return_val_if_fail (CANDOR_IS_REVIEW (self), NULL);
  g_return_val_if_fail (element < CANDOR_N_ELEMENTS, NULL);

  state = _candor_review_element (self, element, FALSE);
  result = g_new0 (CandorElementReview, 1);
  result->status = stored_status (state);
  result->lapsed = candor_review_is_lapsed (self, element);
  result->approved_by = g_strdup (_candor_review_string (state, "approved_by"));
  result->approved_at = g_strdup (_candor_review_string (state, "approved_at"));
  result->approved_digest = g_strdup (_candor_review_string (state, "approved_digest"));
  result->changed_by = g_strdup (_candor_review_string (state, "changed_by"));
  result->changed_at = g_strdup (_candor_review_string (state, "changed_at"));
  return result;
}

static const char *approval_keys[] = { "approved_by", "approved_at", "approved_digest", "approved_content" };

/* Sets the status and logs the change; the caller has checked its arguments. */
static JsonObject *
set_status (CandorReview *self, CandorElementId element, CandorReviewStatus to, const char *action,
            const char *by, const char *stamp, GError **error)
{
  JsonObject *state = _candor_review_element (self, element, TRUE);
  CandorReviewStatus from = stored_status (state);
  gboolean was_lapsed = candor_review_is_lapsed (self, element);
  JsonObject *entry = _candor_review_log_append (self, stamp, by, action, (int) element, error);

  if (entry == NULL)
    return NULL;
  json_object_set_string_member (entry, "from", was_lapsed ? "lapsed" : status_keys[from]);
  json_object_set_string_member (entry, "to", status_keys[to]);
  json_object_set_string_member (state, "status", status_keys[to]);
  json_object_set_string_member (state, "changed_by", by);
  json_object_set_string_member (state, "changed_at", stamp);
  if (to != CANDOR_REVIEW_STATUS_APPROVED)
    for (guint i = 0; i < G_N_ELEMENTS (approval_keys); i++)
      json_object_remove_member (state, approval_keys[i]);
  return entry;
}

char *
candor_review_request_changes (CandorReview   *self,
                               CandorElementId element,
                               const char     *by,
                               const char     *request,
                               GDateTime      *when,
                               GError        **error)
{
  g_autofree char *stamp = NULL;
  g_autofree char *id = NULL;
  JsonObject *entry;

  g_return_val_if_fail (CANDOR_IS_REVIEW (self), NULL);
  g_return_val_if_fail (element < CANDOR_N_ELEMENTS, NULL);

  if (!_candor_review_check_text (by, _("reviewer’s name"), MAX_SHORT, error)
      || !_candor_review_check_text (request, _("request"), 20000, error))
    return NULL;
  {
    JsonArray *log = _candor_review_array (self, "log", FALSE);
    if (log != NULL && json_array_get_length (log) >= CANDOR_REVIEW_MAX_LOG)
      {
        g_set_error (error, CANDOR_REVIEW_ERROR, CANDOR_REVIEW_ERROR_LIMIT,
                     _("The review log is full (%d entries); nothing was changed"), CANDOR_REVIEW_MAX_LOG);
        return NULL;
      }
  }
  stamp = _candor_review_stamp (when);
  id = candor_review_add_comment (self, element, NULL, by, request, when, error);
  if (id == NULL)
    return NULL;
  entry = set_status (self, element, CANDOR_REVIEW_STATUS_NEEDS_WORK, "request-changes", by, stamp, error);
  g_assert (entry != NULL);   /* room was checked above */
  json_object_set_string_member (entry, "comment", id);
  _candor_review_changed (self, "elements");
  return g_steal_pointer (&id);
}

gboolean
candor_review_mark_ready (CandorReview *self, CandorElementId element, const char *by, GDateTime *when,
                          GError **error)
{
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (CANDOR_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (element < CANDOR_N_ELEMENTS, FALSE);

  if (!_candor_review_check_text (by, _("name"), MAX_SHORT, error))
    return FALSE;
  if (candor_review_get_status (self, element) == CANDOR_REVIEW_STATUS_READY)
    return TRUE;
  if (candor_review_get_status (self, element) == CANDOR_REVIEW_STATUS_APPROVED)
    {
      g_set_error (error, CANDOR_REVIEW_ERROR, CANDOR_REVIEW_ERROR_STATE,
                   _("%s is approved: revoke the approval first"), candor_element_id_to_display (element));
      return FALSE;
    }
  stamp = _candor_review_stamp (when);
  if (set_status (self, element, CANDOR_REVIEW_STATUS_READY, "ready", by, stamp, error) == NULL)
    return FALSE;
  _candor_review_changed (self, "elements");
  return TRUE;
}

gboolean
candor_review_approve (CandorReview *self, CandorElementId element, const char *by, GDateTime *when,
                       GError **error)
{
  g_autofree char *stamp = NULL;
  g_autofree char *digest = NULL;
  g_autoptr(JsonObject) content = NULL;
  JsonObject *state, *entry;

  g_return_val_if_fail (CANDOR_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (element < CANDOR_N_ELEMENTS, FALSE);

  if (!_candor_review_check_text (by, _("reviewer’s name"), MAX_SHORT, error))
    return FALSE;
  if (candor_review_is_approved (self, element))
    return TRUE;

  stamp = _candor_review_stamp (when);
  content = candor_approval_content (candor_review_get_document (self), element);
  digest = candor_approval_digest_content (content);
  entry = set_status (self, element, CANDOR_REVIEW_STATUS_APPROVED, "approve", by, stamp, error);
  if (entry == NULL)
    return FALSE;
  json_object_set_string_member (entry, "digest", digest);
  state = _candor_review_element (self, element, TRUE);
  json_object_set_string_member (state, "approved_by", by);
  json_object_set_string_member (state, "approved_at", stamp);
  json_object_set_string_member (state, "approved_digest", digest);
  json_object_set_object_member (state, "approved_content", g_steal_pointer (&content));
  _candor_review_changed (self, "elements");
  return TRUE;
}

gboolean
candor_review_revoke (CandorReview *self, CandorElementId element, const char *by, const char *reason,
                      GDateTime *when, GError **error)
{
  g_autofree char *stamp = NULL;
  JsonObject *entry;

  g_return_val_if_fail (CANDOR_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (element < CANDOR_N_ELEMENTS, FALSE);

  if (!_candor_review_check_text (by, _("reviewer’s name"), MAX_SHORT, error))
    return FALSE;
  if (reason != NULL && *reason != '\0' && !_candor_review_check_text (reason, _("reason"), MAX_SHORT, error))
    return FALSE;
  if (candor_review_get_status (self, element) != CANDOR_REVIEW_STATUS_APPROVED)
    {
      g_set_error (error, CANDOR_REVIEW_ERROR, CANDOR_REVIEW_ERROR_STATE,
                   _("%s is not approved: there is no approval to revoke"), candor_element_id_to_display (element));
      return FALSE;
    }
  stamp = _candor_review_stamp (when);
  entry = set_status (self, element, CANDOR_REVIEW_STATUS_READY, "revoke", by, stamp, error);
  if (entry == NULL)
    return FALSE;
  if (reason != NULL && *reason != '\0')
    json_object_set_string_member (entry, "reason", reason);
  _candor_review_changed (self, "elements");
  return TRUE;
}

static JsonObject *
approved_content (CandorReview *self, CandorElementId element)
{
  JsonObject *state = _candor_review_element (self, element, FALSE);

  if (stored_status (state) != CANDOR_REVIEW_STATUS_APPROVED)
    return NULL;
  return candor_json_object_get_object (state, "approved_content");
}

GPtrArray *
candor_review_changes_since_approval (CandorReview *self, CandorElementId element, CandorTextKind field)
{
  JsonObject *content;
  const char *approved;

  g_return_val_if_fail (CANDOR_IS_REVIEW (self), NULL);
  g_return_val_if_fail (element < CANDOR_N_ELEMENTS && field < CANDOR_N_TEXT_KINDS, NULL);

  content = approved_content (self, element);
  if (content == NULL)
    return NULL;
  approved = _candor_review_string (content, candor_comment_field_key (field));
  return candor_word_diff (approved != NULL ? approved : "",
                           candor_element_get_text (candor_document_get_element (candor_review_get_document (self), element),
                                                    field));
}

static void
diff_members (GStrvBuilder *out, const char *prefix, JsonObject *old, JsonObject *now)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init_ordered (&iter, now);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      JsonNode *before = old != NULL ? json_object_get_member (old, name) : NULL;
      if (before == NULL || !json_node_equal (before, member))
        {
          g_autofree char *key = g_strconcat (prefix, ".", name, NULL);
          g_strv_builder_add (out, key);
        }
    }
  if (old == NULL)
    return;
  json_object_iter_init_ordered (&iter, old);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    if (!json_object_has_member (now, name))
      {
        g_autofree char *key = g_strconcat (prefix, ".", name, NULL);
        g_strv_builder_add (out, key);
      }
}

char **
candor_review_changed_keys_since_approval (CandorReview *self, CandorElementId element)
{
  JsonObject *content;
  g_autoptr(JsonObject) now = NULL;
  g_autoptr(GStrvBuilder) out = NULL;

  g_return_val_if_fail (CANDOR_IS_REVIEW (self), NULL);
  g_return_val_if_fail (element < CANDOR_N_ELEMENTS, NULL);

  content = approved_content (self, element);
  if (content == NULL)
    return NULL;
  now = candor_approval_content (candor_review_get_document (self), element);
  out = g_strv_builder_new ();
  diff_members (out, "answers", candor_json_object_get_object (content, "answers"),
                candor_json_object_get_object (now, "answers"));
  diff_members (out, "product", candor_json_object_get_object (content, "product"),
                candor_json_object_get_object (now, "product"));
  return g_strv_builder_end (out);
}

static const char *
blocking_status (CandorReview *self, CandorElementId id)
{
  CandorReviewStatus status = candor_review_get_status (self, id);

  if (status != CANDOR_REVIEW_STATUS_APPROVED)
    return status_keys[status];
  return candor_review_is_lapsed (self, id) ? "lapsed" : NULL;
}

GPtrArray *
candor_review_list_unapproved (CandorReview *self)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (CANDOR_IS_REVIEW (self), lines);

  for (CandorElementId id = 0; id < CANDOR_N_ELEMENTS; id++)
    {
      const char *status = blocking_status (self, id);

      if (status == NULL)
        continue;
      if (strcmp (status, "lapsed") == 0)
        g_ptr_array_add (lines, g_strdup_printf (_("%s %s: approval lapsed (changed since it was approved)"),
                                                 candor_element_id_to_display (id), candor_element_id_get_title (id)));
      else
        g_ptr_array_add (lines, g_strdup_printf (_("%s %s: not approved (status %s)"),
                                                 candor_element_id_to_display (id), candor_element_id_get_title (id),
                                                 status));
    }
  return lines;
}

static JsonArray *
not_approved_array (CandorReview *self)
{
  JsonArray *list = json_array_new ();

  for (CandorElementId id = 0; id < CANDOR_N_ELEMENTS; id++)
    {
      const char *status = blocking_status (self, id);
      JsonObject *item;

      if (status == NULL)
        continue;
      item = json_object_new ();
      json_object_set_string_member (item, "element", candor_element_id_to_key (id));
      json_object_set_string_member (item, "status", status);
      json_array_add_object_element (list, item);
    }
  return list;
}

JsonArray *
candor_review_record_export_override (CandorReview *self, const char *by, const char *reason, GDateTime *when,
                                      GError **error)
{
  g_autofree char *stamp = NULL;
  JsonObject *entry;
  JsonArray *list;

  g_return_val_if_fail (CANDOR_IS_REVIEW (self), NULL);

  if (!_candor_review_check_text (by, _("name"), MAX_SHORT, error)
      || !_candor_review_check_text (reason, _("reason"), MAX_SHORT, error))
    return NULL;
  stamp = _candor_review_stamp (when);
  entry = _candor_review_log_append (self, stamp, by, "export-override", -1, error);
  if (entry == NULL)
    return NULL;
  json_object_set_string_member (entry, "reason", reason);
  list = not_approved_array (self);
  json_object_set_array_member (entry, "not_approved", json_array_ref (list));
  _candor_review_changed (self, "log");
  return list;
}

JsonArray *
candor_review_get_log (CandorReview *self)
{
  g_return_val_if_fail (CANDOR_IS_REVIEW (self), NULL);
  return _candor_review_array (self, "log", FALSE);
}
