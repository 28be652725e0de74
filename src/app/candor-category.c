/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-category.c: the product categories a draft may name, with their display names. */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "candor-category.h"
#include "candor-core-resources.h"

#define DRAFT_SCHEMA_PATH "/io/github/candor_app/Candor/core/schema/candor-draft.schema.json"

/* The display name, and the noun for one such product inside a sentence ("This smart plug
 * gets security updates."); "device" when the category says nothing more. */
static const struct {
  const char *value;
  const char *label;
  const char *noun;
} labels[] = {
  { "",           N_("Not set"),       NC_("product noun", "device") },
  { "camera",     N_("Camera"),        NC_("product noun", "camera") },
  { "doorbell",   N_("Doorbell"),      NC_("product noun", "doorbell") },
  { "smart-plug", N_("Smart plug"),    NC_("product noun", "smart plug") },
  { "lighting",   N_("Lighting"),      NC_("product noun", "light") },
  { "thermostat", N_("Thermostat"),    NC_("product noun", "thermostat") },
  { "lock",       N_("Lock"),          NC_("product noun", "lock") },
  { "router",     N_("Router"),        NC_("product noun", "router") },
  { "speaker",    N_("Speaker"),       NC_("product noun", "speaker") },
  { "hub",        N_("Hub"),           NC_("product noun", "hub") },
  { "toy",        N_("Toy"),           NC_("product noun", "toy") },
  { "wearable",   N_("Wearable"),      NC_("product noun", "wearable") },
  { "appliance",  N_("Appliance"),     NC_("product noun", "appliance") },
  { "health",     N_("Health device"), NC_("product noun", "health device") },
  { "sensor",     N_("Sensor"),        NC_("product noun", "sensor") },
  { "tv",         N_("TV"),            NC_("product noun", "TV") },
  { "other",      N_("Other"),         NC_("product noun", "device") },
};

static char **
load_values (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonObject *object;
  JsonArray *values = NULL;

  bytes = g_resource_lookup_data (candor_core_get_resource (), DRAFT_SCHEMA_PATH,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes != NULL &&
      json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                  (gssize) g_bytes_get_size (bytes), &error) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      object = json_node_get_object (json_parser_get_root (parser));
      const char *path[] = { "$defs", "product", "properties", "category" };

      for (guint i = 0; object != NULL && i < G_N_ELEMENTS (path); i++)
        {
          JsonNode *member = json_object_get_member (object, path[i]);
          object = member != NULL && JSON_NODE_HOLDS_OBJECT (member)
                   ? json_node_get_object (member) : NULL;
        }
      if (object != NULL && json_object_has_member (object, "enum"))
        values = json_object_get_array_member (object, "enum");
    }

  if (values != NULL)
    {
      for (guint i = 0; i < json_array_get_length (values); i++)
        {
          const char *value = json_array_get_string_element (values, i);
          if (value != NULL)
            g_strv_builder_add (builder, value);
        }
    }
  else
    {
      /* The schema is compiled into the core: this only happens on a broken build. */
      g_critical ("Cannot read the product categories from the draft schema: %s",
                  error != NULL ? error->message : "no $defs.product.properties.category.enum");
      g_strv_builder_add (builder, "");
    }

  return g_strv_builder_end (builder);
}

const char * const *
candor_category_get_values (void)
{
  static char **values = NULL;

  if (g_once_init_enter (&values))
    g_once_init_leave (&values, load_values ());
  return (const char * const *) values;
}

const char *
candor_category_get_label (const char *value)
{
  g_return_val_if_fail (value != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].value, value))
      return _(labels[i].label);
  return value;
}

/**
 * candor_category_get_noun:
 * @value: (nullable): a category value, or NULL
 *
 * The translated noun for one product of the category, as it reads inside a sentence:
 * "smart plug", "camera"; "device" for an unset, other or unknown category.
 */
const char *
candor_category_get_noun (const char *value)
{
  for (guint i = 0; value != NULL && i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].value, value))
      return g_dpgettext2 (NULL, "product noun", labels[i].noun);
  return g_dpgettext2 (NULL, "product noun", labels[0].noun);
}
