/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-migrate.c: upgrades drafts written in older format versions, one step at a time. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "candor-error.h"
#include "candor-format.h"
#include "candor-json-util.h"
#include "candor-migrate.h"

typedef gboolean (*MigrateStep) (JsonObject *root, GError **error);

/*
 * Version 0 was written by the 0.0.x previews: a single "model" string in the product, and
 * each element's texts as "label" and "web". Version 1 holds a list of models and names the
 * texts label_text / web_text, with a flag telling whether the user edited them (previews
 * had no generated wording, so every text was the user's).
 */
static gboolean
migrate_0_to_1 (JsonObject *root, GError **error)
{
  /* Anything not shaped as expected is left for the validator to report with its path. */
  JsonObject *product = candor_json_object_get_object (root, "product");
  JsonObject *elements = candor_json_object_get_object (root, "elements");

  if (product != NULL && json_object_has_member (product, "model"))
    {
      JsonNode *model = json_object_get_member (product, "model");
      JsonArray *models = json_array_new ();

      if (!JSON_NODE_HOLDS_VALUE (model) || json_node_get_value_type (model) != G_TYPE_STRING)
        {
          json_array_unref (models);
          g_set_error (error, CANDOR_ERROR, CANDOR_ERROR_INVALID,
                       _("$.product.model: expected a text in quotes (format version 0)"));
          return FALSE;
        }
      if (*json_node_get_string (model) != '\0')
        json_array_add_string_element (models, json_node_get_string (model));
      json_object_set_array_member (product, "models", models);
      json_object_remove_member (product, "model");
    }

  if (elements != NULL)
    {
      GList *keys = json_object_get_members (elements);

      for (GList *l = keys; l != NULL; l = l->next)
        {
          JsonNode *node = json_object_get_member (elements, l->data);
          JsonObject *element;
          static const char *renames[][3] = {
            { "label", "label_text", "label_edited" },
            { "web", "web_text", "web_edited" },
          };

          if (!JSON_NODE_HOLDS_OBJECT (node))
            continue;
          element = json_node_get_object (node);
          for (guint i = 0; i < G_N_ELEMENTS (renames); i++)
            {
              JsonNode *text = json_object_get_member (element, renames[i][0]);

              if (text == NULL)
                continue;
              json_object_set_member (element, renames[i][1], json_node_copy (text));
              json_object_set_boolean_member (element, renames[i][2], TRUE);
              json_object_remove_member (element, renames[i][0]);
            }
        }
      g_list_free (keys);
    }
  return TRUE;
}

static const MigrateStep steps[CANDOR_FORMAT_VERSION] = {
  migrate_0_to_1,
};

gboolean
_candor_migrate (JsonObject *root, gint64 from_version, GError **error)
{
  g_return_val_if_fail (from_version >= 0 && from_version < CANDOR_FORMAT_VERSION, FALSE);

  for (gint64 v = from_version; v < CANDOR_FORMAT_VERSION; v++)
    if (!steps[v] (root, error))
      return FALSE;
  json_object_set_int_member (root, "version", CANDOR_FORMAT_VERSION);
  return TRUE;
}
