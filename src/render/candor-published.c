/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-published.c: disclosure.json, the published, machine-readable form of a disclosure. */
#include "config.h"

#include <string.h>

#include "candor-json-util.h"
#include "candor-published.h"
#include "candor-render-util.h"
#include "candor-schema.h"

/* The answer keys of @id in the draft schema's order: the published form keeps them in that
 * order whatever order the draft had, and leaves out keys it does not know. */
static const char * const *
answer_keys (CandorElementId id)
{
  g_autofree char *path = g_strconcat ("$.elements.", candor_element_id_to_key (id), NULL);

  return candor_schema_get_key_order (candor_schema_get ("candor-draft.schema.json"), path);
}

static gboolean
is_text_key (const char *key)
{
  return g_str_has_prefix (key, "label_") || g_str_has_prefix (key, "web_");
}

static void
add_string (JsonBuilder *builder, const char *member, const char *value)
{
  g_autofree char *valid = NULL;

  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    value = valid = g_utf8_make_valid (value, -1);
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value != NULL ? value : "");
}

static void
add_date (JsonBuilder *builder, const char *member, GDateTime *when)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *text = NULL;

  if (when == NULL)
    return;
  utc = g_date_time_to_utc (when);
  text = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  add_string (builder, member, text);
}

static void
add_product (JsonBuilder *builder, CandorDocument *document)
{
  const char * const *models = candor_document_get_models (document);

  json_builder_set_member_name (builder, "product");
  json_builder_begin_object (builder);
  add_string (builder, "manufacturer", candor_document_get_manufacturer (document));
  add_string (builder, "name", candor_document_get_product_name (document));
  json_builder_set_member_name (builder, "models");
  json_builder_begin_array (builder);
  for (guint i = 0; models != NULL && models[i] != NULL; i++)
    json_builder_add_string_value (builder, models[i]);
  json_builder_end_array (builder);
  add_string (builder, "category", candor_document_get_category (document));
  add_string (builder, "url", candor_document_get_url (document));
  json_builder_end_object (builder);
}

static void
add_element (JsonBuilder *builder, CandorDocument *document, CandorElementId id)
{
  CandorElement *element = candor_document_get_element (document, id);
  JsonObject *json = candor_element_get_json (element);
  const char * const *keys = answer_keys (id);
  g_autofree char *answer = candor_render_short_answer (document, id);

  json_builder_set_member_name (builder, candor_element_id_to_key (id));
  json_builder_begin_object (builder);
  add_string (builder, "title", candor_element_id_get_title (id));
  json_builder_set_member_name (builder, "short_answer");
  if (answer != NULL)
    json_builder_add_string_value (builder, answer);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "answers");
  json_builder_begin_object (builder);
  for (guint i = 0; json != NULL && keys != NULL && keys[i] != NULL; i++)
    {
      JsonNode *value = json_object_get_member (json, keys[i]);

      if (value == NULL || JSON_NODE_HOLDS_NULL (value) || is_text_key (keys[i]))
        continue;
      json_builder_set_member_name (builder, keys[i]);
      json_builder_add_value (builder, candor_json_node_deep_copy (value));
    }
  json_builder_end_object (builder);
  add_string (builder, "label_text", candor_element_get_text (element, CANDOR_TEXT_LABEL));
  add_string (builder, "web_text", candor_element_get_text (element, CANDOR_TEXT_WEB));
  json_builder_end_object (builder);
}

JsonNode *
candor_published_build (CandorDocument *document)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *language;

  g_return_val_if_fail (CANDOR_IS_DOCUMENT (document), NULL);

  language = candor_document_get_language (document);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, CANDOR_PUBLISHED_FORMAT_NAME);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, CANDOR_PUBLISHED_FORMAT_VERSION);
  add_string (builder, "generator", "Candor " PACKAGE_VERSION);
  add_string (builder, "language", language != NULL && *language != '\0' ? language : "en");
  add_date (builder, "created", candor_document_get_created (document));
  add_date (builder, "modified", candor_document_get_modified (document));
  add_product (builder, document);
  json_builder_set_member_name (builder, "elements");
  json_builder_begin_object (builder);
  for (guint i = 0; i < CANDOR_N_ELEMENTS; i++)
    add_element (builder, document, i);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

GBytes *
candor_published_serialize (CandorDocument *document)
{
  g_autoptr(JsonNode) root = NULL;
  char *text;

  g_return_val_if_fail (CANDOR_IS_DOCUMENT (document), NULL);

  root = candor_published_build (document);
  text = candor_json_to_pretty_string (root);
  return g_bytes_new_take (text, strlen (text));
}
