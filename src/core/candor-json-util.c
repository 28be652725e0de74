/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-json-util.c: small JSON helpers json-glib lacks (deep copies). */
#include "config.h"

#include <math.h>

#include "candor-json-util.h"

static JsonArray *
array_deep_copy (JsonArray *array)
{
  JsonArray *copy = json_array_sized_new (json_array_get_length (array));

  for (guint i = 0; i < json_array_get_length (array); i++)
    json_array_add_element (copy, candor_json_node_deep_copy (json_array_get_element (array, i)));
  return copy;
}

/**
 * candor_json_object_deep_copy:
 *
 * Returns: (transfer full): a copy sharing nothing with @object, members in the same order
 */
JsonObject *
candor_json_object_deep_copy (JsonObject *object)
{
  JsonObject *copy = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    json_object_set_member (copy, name, candor_json_node_deep_copy (member));
  return copy;
}

/**
 * candor_json_node_deep_copy:
 *
 * Returns: (transfer full) (nullable): a copy sharing nothing with @node
 */
JsonNode *
candor_json_node_deep_copy (JsonNode *node)
{
  JsonNode *copy;

  if (node == NULL)
    return NULL;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      copy = json_node_alloc ();
      json_node_take_object (json_node_init (copy, JSON_NODE_OBJECT),
                             candor_json_object_deep_copy (json_node_get_object (node)));
      return copy;
    case JSON_NODE_ARRAY:
      copy = json_node_alloc ();
      json_node_take_array (json_node_init (copy, JSON_NODE_ARRAY),
                            array_deep_copy (json_node_get_array (node)));
      return copy;
    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      return json_node_copy (node);
    }
}

static void
append_escaped (GString *out, const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        default:
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

static void
append_indent (GString *out, guint level)
{
  for (guint i = 0; i < level; i++)
    g_string_append (out, "  ");
}

static void
append_node (GString *out, JsonNode *node, guint level)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        gboolean first = TRUE;

        if (json_object_get_size (object) == 0)
          {
            g_string_append (out, "{}");
            break;
          }
        g_string_append (out, "{\n");
        json_object_iter_init_ordered (&iter, object);
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            if (!first)
              g_string_append (out, ",\n");
            first = FALSE;
            append_indent (out, level + 1);
            append_escaped (out, name);
            g_string_append (out, ": ");
            append_node (out, member, level + 1);
          }
        g_string_append_c (out, '\n');
        append_indent (out, level);
        g_string_append_c (out, '}');
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint length = json_array_get_length (array);

        if (length == 0)
          {
            g_string_append (out, "[]");
            break;
          }
        g_string_append (out, "[\n");
        for (guint i = 0; i < length; i++)
          {
            append_indent (out, level + 1);
            append_node (out, json_array_get_element (array, i), level + 1);
            g_string_append (out, i + 1 < length ? ",\n" : "\n");
          }
        append_indent (out, level);
        g_string_append_c (out, ']');
      }
      break;
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          append_escaped (out, json_node_get_string (node));
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
            double value = json_node_get_double (node);
            /* JSON has no NaN or infinity; the parser never produces them anyway. */
            if (!isfinite (value))
              value = 0;
            g_string_append (out, g_ascii_dtostr (buffer, sizeof buffer, value));
          }
        }
    }
}

/**
 * candor_json_to_pretty_string:
 *
 * Returns: (transfer full): the text, ending with a newline
 */
char *
candor_json_to_pretty_string (JsonNode *node)
{
  GString *out = g_string_sized_new (4096);

  append_node (out, node, 0);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

/**
 * candor_json_object_get_object:
 *
 * Returns: (transfer none) (nullable): the member as an object, or NULL when it is missing or
 *   of another type (json_object_get_object_member() warns in both cases)
 */
JsonObject *
candor_json_object_get_object (JsonObject *object, const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}
