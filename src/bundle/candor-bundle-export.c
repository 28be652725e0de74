/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-bundle-export.c: the gate before signing, the override record, then the writer. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "candor-bundle-error.h"
#include "candor-bundle-export.h"
#include "candor-bundle-writer.h"
#include "candor-json-util.h"
#include "candor-readiness.h"
#include "candor-review.h"
#include "candor-wording.h"

#define DISCLOSURE_JSON "disclosure.json"

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

GPtrArray *
candor_bundle_export_gate (CandorDocument *document)
{
  g_autoptr(CandorReadinessReport) report = NULL;

  g_return_val_if_fail (CANDOR_IS_DOCUMENT (document), g_ptr_array_new_with_free_func (g_free));

  /* The same definition of "ready" as the review page and `candor-cli check`. */
  report = candor_readiness_check_all (document, NULL, NULL);
  return candor_readiness_report_problems (report);
}

GPtrArray *
candor_bundle_export_review_gate (CandorDocument *document)
{
  g_return_val_if_fail (CANDOR_IS_DOCUMENT (document), g_ptr_array_new_with_free_func (g_free));

  return candor_review_list_unapproved (candor_review_get_for_document (document));
}

/* Adds "review": {"reason", "not_approved"} to the record written by
 * candor_bundle_export_record_override(). */
static GBytes *
record_review_override (GBytes *disclosure_json, const char *reason, JsonArray *not_approved, GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;
  JsonObject *record, *review;
  gsize size;
  const char *data = g_bytes_get_data (disclosure_json, &size);

  if (!json_parser_load_from_data (parser, data, (gssize) size, error))
    return NULL;
  record = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                          CANDOR_BUNDLE_OVERRIDE_KEY);
  review = json_object_new ();
  json_object_set_string_member (review, "reason", reason);
  json_object_set_array_member (review, "not_approved", json_array_ref (not_approved));
  json_object_set_object_member (record, "review", review);
  text = candor_json_to_pretty_string (json_parser_get_root (parser));
  size = strlen (text);
  return g_bytes_new_take (g_steal_pointer (&text), size);
}

GBytes *
candor_bundle_export_record_override (GBytes      *disclosure_json,
                                      const char  *reason,
                                      const char  *by,
                                      GDateTime   *at,
                                      GPtrArray   *problems,
                                      GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;
  JsonObject *root, *record;
  JsonArray *list;
  JsonNode *node;
  gsize size;
  const char *data;

  g_return_val_if_fail (disclosure_json != NULL && reason != NULL && by != NULL && at != NULL, NULL);

  data = g_bytes_get_data (disclosure_json, &size);
  if (!json_parser_load_from_data (parser, data != NULL ? data : "", (gssize) size, error))
    return NULL;
  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_FAILED,
                   _("%s is not a JSON object: cannot record the override"), DISCLOSURE_JSON);
      return NULL;
    }
  root = json_node_get_object (node);

  {
    g_autoptr(GDateTime) utc = g_date_time_to_utc (at);
    when = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  }
  record = json_object_new ();
  json_object_set_string_member (record, "reason", reason);
  json_object_set_string_member (record, "by", by);
  json_object_set_string_member (record, "at", when);
  list = json_array_new ();
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    json_array_add_string_element (list, g_ptr_array_index (problems, i));
  json_object_set_array_member (record, "problems", list);
  json_object_set_object_member (root, CANDOR_BUNDLE_OVERRIDE_KEY, record);

  /* Same layout as every other JSON file Candor writes. */
  text = candor_json_to_pretty_string (node);
  size = strlen (text);
  return g_bytes_new_take (g_steal_pointer (&text), size);
}

static char *
default_user (void)
{
  const char *real = g_get_real_name ();

  if (real != NULL && *real != '\0' && strcmp (real, "Unknown") != 0)
    return g_strdup (real);
  return g_strdup (g_get_user_name ());
}

GBytes *
candor_bundle_export (CandorDocument             *document,
                      GPtrArray                  *files,
                      CandorSigner               *signer,
                      const CandorExportOptions  *options,
                      GError                    **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) review_problems = NULL;
  g_autoptr(GPtrArray) final = NULL;
  g_autoptr(GDateTime) mtime = NULL;
  GDateTime *modified;

  g_return_val_if_fail (CANDOR_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (files != NULL, NULL);
  g_return_val_if_fail (CANDOR_IS_SIGNER (signer), NULL);

  problems = candor_bundle_export_gate (document);
  for (guint i = 0; options != NULL && options->render_problems != NULL && i < options->render_problems->len; i++)
    g_ptr_array_add (problems, g_strdup (g_ptr_array_index (options->render_problems, i)));
  final = candor_bundle_file_list_new ();
  for (guint i = 0; i < files->len; i++)
    {
      CandorBundleFile *file = g_ptr_array_index (files, i);
      g_ptr_array_add (final, candor_bundle_file_new (file->name, file->bytes));
    }

  review_problems = candor_bundle_export_review_gate (document);

  if (problems->len > 0 && (options == NULL || is_blank (options->override_reason)))
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < problems->len; i++)
        g_string_append_printf (list, "\n  %s", (char *) g_ptr_array_index (problems, i));
      g_set_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_INCOMPLETE,
                   _("The draft is not ready to publish:%s"), list->str);
      return NULL;
    }
  if (review_problems->len > 0 && (options == NULL || is_blank (options->review_override_reason)))
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < review_problems->len; i++)
        g_string_append_printf (list, "\n  %s", (char *) g_ptr_array_index (review_problems, i));
      g_set_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_NOT_APPROVED,
                   _("A signed export needs every element approved, and none changed since:%s"), list->str);
      return NULL;
    }

  if (problems->len > 0 || review_problems->len > 0)
    {
      CandorBundleFile *json = candor_bundle_file_list_find (final, DISCLOSURE_JSON);
      g_autoptr(GDateTime) now = NULL;
      g_autofree char *by = NULL;
      g_autoptr(GPtrArray) all = g_ptr_array_new ();
      const char *reason = problems->len > 0 ? options->override_reason : options->review_override_reason;
      GBytes *recorded;

      if (json == NULL)
        {
          g_set_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_FAILED,
                       _("No %s to record the override in"), DISCLOSURE_JSON);
          return NULL;
        }
      now = options->now != NULL ? g_date_time_ref (options->now) : g_date_time_new_now_utc ();
      by = options->override_by != NULL ? g_strdup (options->override_by) : default_user ();
      g_ptr_array_extend (all, problems, NULL, NULL);
      g_ptr_array_extend (all, review_problems, NULL, NULL);
      recorded = candor_bundle_export_record_override (json->bytes, reason, by, now, all, error);
      if (recorded == NULL)
        return NULL;
      g_bytes_unref (json->bytes);
      json->bytes = recorded;

      if (review_problems->len > 0)
        {
          CandorReview *review = candor_review_get_for_document (document);
          g_autoptr(JsonArray) not_approved = candor_review_record_export_override (review, by,
                                                                                    options->review_override_reason,
                                                                                    now, error);
          if (not_approved == NULL)
            return NULL;
          recorded = record_review_override (json->bytes, options->review_override_reason, not_approved, error);
          if (recorded == NULL)
            return NULL;
          g_bytes_unref (json->bytes);
          json->bytes = recorded;
        }
    }

  modified = candor_document_get_modified (document);
  if (modified == NULL)
    modified = candor_document_get_created (document);
  mtime = modified != NULL ? g_date_time_ref (modified) : g_date_time_new_from_unix_utc (0);
  return candor_bundle_write (final, mtime, signer, error);
}
