/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-approval.c: what an approval covers, in one canonical form, and its digest. */
#include "config.h"

#include <string.h>

#include "candor-approval.h"
#include "candor-json-util.h"

static const char *text_keys[] = { "label_text", "web_text", "label_edited", "web_edited", NULL };

JsonObject *
candor_approval_content (CandorDocument *document, CandorElementId id)
{
  CandorElement *element;
  JsonObject *content, *answers, *product;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  JsonArray *models;
  const char * const *model_list;

  g_return_val_if_fail (CANDOR_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (id < CANDOR_N_ELEMENTS, NULL);

  element = candor_document_get_element (document, id);
  content = json_object_new ();
  json_object_set_string_member (content, "format", CANDOR_APPROVAL_FORMAT);
  json_object_set_string_member (content, "element", candor_element_id_to_key (id));

  answers = json_object_new ();
  json_object_iter_init_ordered (&iter, candor_element_get_json (element));
  while (json_object_iter_next_ordered (&iter, &name, &member))
    if (!g_strv_contains (text_keys, name))
      json_object_set_member (answers, name, candor_json_node_deep_copy (member));
  json_object_set_object_member (content, "answers", answers);
  json_object_set_string_member (content, "label_text", candor_element_get_text (element, CANDOR_TEXT_LABEL));
  json_object_set_string_member (content, "web_text", candor_element_get_text (element, CANDOR_TEXT_WEB));

  product = json_object_new ();
  json_object_set_string_member (product, "manufacturer", candor_document_get_manufacturer (document));
  json_object_set_string_member (product, "name", candor_document_get_product_name (document));
  models = json_array_new ();
  model_list = candor_document_get_models (document);
  for (guint i = 0; model_list != NULL && model_list[i] != NULL; i++)
    json_array_add_string_element (models, model_list[i]);
  json_object_set_array_member (product, "models", models);
  json_object_set_string_member (product, "category", candor_document_get_category (document));
  json_object_set_string_member (product, "url", candor_document_get_url (document));
  json_object_set_string_member (product, "language", candor_document_get_language (document));
  json_object_set_object_member (content, "product", product);
  return content;
}

static void
write_string (GString *out, const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char) c);
        }
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
write_node (GString *out, JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GPtrArray) names = g_ptr_array_new ();
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init (&iter, object);
        while (json_object_iter_next (&iter, &name, &member))
          g_ptr_array_add (names, (gpointer) name);
        g_ptr_array_sort (names, compare_names);
        g_string_append_c (out, '{');
        for (guint i = 0; i < names->len; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            write_string (out, names->pdata[i]);
            g_string_append_c (out, ':');
            write_node (out, json_object_get_member (object, names->pdata[i]));
          }
        g_string_append_c (out, '}');
        break;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        g_string_append_c (out, '[');
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            write_node (out, json_array_get_element (array, i));
          }
        g_string_append_c (out, ']');
        break;
      }
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          write_string (out, json_node_get_string (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        default:
          {
            char buffer[G_ASCII_DTOSTR_BUF_SIZE];
            g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.17g", json_node_get_double (node)));
          }
          break;
        }
      break;
    }
}

char *
candor_approval_canonical (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (node != NULL, g_string_free (out, FALSE));
  write_node (out, node);
  return g_string_free (out, FALSE);
}

char *
candor_approval_digest_content (JsonObject *content)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *hex = NULL;

  g_return_val_if_fail (content != NULL, NULL);

  node = json_node_init_object (json_node_alloc (), content);
  canonical = candor_approval_canonical (node);
  hex = g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical, -1);
  return g_strconcat ("sha256:", hex, NULL);
}

char *
candor_approval_digest (CandorDocument *document, CandorElementId id)
{
  g_autoptr(JsonObject) content = candor_approval_content (document, id);

  return candor_approval_digest_content (content);
}
