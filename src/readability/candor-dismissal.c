/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-dismissal.c: findings a user dismissed, matched again after edits. */
#include "config.h"

#include <string.h>

#include "candor-dismissal.h"

CandorDismissal *
candor_dismissal_new (const char *rule, const char *quote, gint start)
{
  CandorDismissal *self;

  g_return_val_if_fail (rule != NULL, NULL);
  g_return_val_if_fail (quote != NULL, NULL);

  self = g_new0 (CandorDismissal, 1);
  self->rule = g_strdup (rule);
  self->quote = g_strdup (quote);
  self->start = start;
  return self;
}

void
candor_dismissal_free (CandorDismissal *dismissal)
{
  if (dismissal == NULL)
    return;
  g_free (dismissal->rule);
  g_free (dismissal->quote);
  g_free (dismissal);
}

/* A string member, or NULL if missing or not a string (drafts may be hand-edited). */
static const char *
get_string (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gint64
get_int (JsonObject *object, const char *name, gint64 fallback)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fallback;
  return json_node_get_int (node);
}

GPtrArray *
candor_dismissals_from_review (JsonObject *review, CandorElementId element, CandorTextKind kind)
{
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) candor_dismissal_free);
  const char *field = kind == CANDOR_TEXT_LABEL ? "label_text" : "web_text";
  const char *element_key = candor_element_id_to_key (element);
  JsonNode *node;
  JsonArray *list;

  if (review == NULL || (node = json_object_get_member (review, "dismissals")) == NULL
      || !JSON_NODE_HOLDS_ARRAY (node))
    return result;

  list = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *item = json_array_get_element (list, i);
      JsonObject *object;
      const char *e, *f, *rule, *quote;
      gint64 start;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        continue;
      object = json_node_get_object (item);
      e = get_string (object, "element");
      f = get_string (object, "field");
      rule = get_string (object, "rule");
      quote = get_string (object, "quote");
      if (e == NULL || f == NULL || rule == NULL || quote == NULL)
        continue;
      /* "A.1" and "A1" name the same element */
      if ((strcmp (e, element_key) != 0 && strcmp (e, candor_element_id_to_display (element)) != 0)
          || strcmp (f, field) != 0)
        continue;
      start = get_int (object, "start", -1);
      g_ptr_array_add (result, candor_dismissal_new (rule, quote, (gint) CLAMP (start, -1, G_MAXINT)));
    }
  return result;
}

GPtrArray *
candor_dismissals_filter (GPtrArray *findings, GPtrArray *dismissals)
{
  g_autofree gboolean *hidden = NULL;
  GPtrArray *result;

  g_return_val_if_fail (findings != NULL, NULL);

  hidden = g_new0 (gboolean, findings->len + 1);
  for (guint d = 0; dismissals != NULL && d < dismissals->len; d++)
    {
      const CandorDismissal *dismissal = g_ptr_array_index (dismissals, d);
      gint best = -1;
      gint64 best_distance = G_MAXINT64;

      for (guint f = 0; f < findings->len; f++)
        {
          const CandorFinding *finding = g_ptr_array_index (findings, f);
          gint64 distance;

          if (hidden[f] || strcmp (finding->rule, dismissal->rule) != 0
              || strcmp (finding->quote, dismissal->quote) != 0)
            continue;
          distance = dismissal->start < 0 ? f : ABS ((gint64) finding->start - dismissal->start);
          if (distance < best_distance)
            {
              best = (gint) f;
              best_distance = distance;
            }
        }
      if (best >= 0)
        hidden[best] = TRUE;
    }

  result = g_ptr_array_new ();
  for (guint f = 0; f < findings->len; f++)
    if (!hidden[f])
      g_ptr_array_add (result, g_ptr_array_index (findings, f));
  return result;
}
