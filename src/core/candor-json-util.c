/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-json-util.c: small JSON helpers json-glib lacks (deep copies). */
#include "config.h"

#include <string.h>

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

/* How a writer lays JSON out: the pretty form people read, or the canonical form digests
 * are taken over (its bytes are a contract: see candor_json_to_canonical_string()). */
typedef struct
{
  gboolean canonical;
} JsonStyle;

static void
append_escaped (GString *out, const char *text, const JsonStyle *style)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      guchar c = (guchar) *p;
      const char *short_form = NULL;

      if (c == '"')
        short_form = "\\\"";
      else if (c == '\\')
        short_form = "\\\\";
      else if (!style->canonical)
        switch (c)
          {
          case '\n': short_form = "\\n"; break;
          case '\r': short_form = "\\r"; break;
          case '\t': short_form = "\\t"; break;
          case '\b': short_form = "\\b"; break;
          case '\f': short_form = "\\f"; break;
          default: break;
          }
      if (short_form != NULL)
        g_string_append (out, short_form);
      else if (c < 0x20 || (c == 0x7f && !style->canonical))
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

/* Before a member or element: a comma after the first, and in the pretty form a new line
 * and the indent. */
static void
append_separator (GString *out, gboolean first, guint level, const JsonStyle *style)
{
  if (!first)
    g_string_append_c (out, ',');
  if (style->canonical)
    return;
  g_string_append_c (out, '\n');
  for (guint i = 0; i < level; i++)
    g_string_append (out, "  ");
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void append_node (GString *out, JsonNode *node, guint level, const JsonStyle *style);

static void
append_object (GString *out, JsonObject *object, guint level, const JsonStyle *style)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  /* Pretty: the stored order; canonical: sorted by the bytes of the UTF-8 names. */
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    g_ptr_array_add (names, (gpointer) name);
  if (style->canonical)
    g_ptr_array_sort (names, compare_names);
  if (names->len == 0)
    {
      g_string_append (out, "{}");
      return;
    }
  g_string_append_c (out, '{');
  for (guint i = 0; i < names->len; i++)
    {
      append_separator (out, i == 0, level + 1, style);
      append_escaped (out, names->pdata[i], style);
      g_string_append (out, style->canonical ? ":" : ": ");
      append_node (out, json_object_get_member (object, names->pdata[i]), level + 1, style);
    }
  append_separator (out, TRUE, level, style);
  g_string_append_c (out, '}');
}

static void
append_array (GString *out, JsonArray *array, guint level, const JsonStyle *style)
{
  guint length = json_array_get_length (array);

  if (length == 0)
    {
      g_string_append (out, "[]");
      return;
    }
  g_string_append_c (out, '[');
  for (guint i = 0; i < length; i++)
    {
      append_separator (out, i == 0, level + 1, style);
      append_node (out, json_array_get_element (array, i), level + 1, style);
    }
  append_separator (out, TRUE, level, style);
  g_string_append_c (out, ']');
}

static void
append_node (GString *out, JsonNode *node, guint level, const JsonStyle *style)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      append_object (out, json_node_get_object (node), level, style);
      break;
    case JSON_NODE_ARRAY:
      append_array (out, json_node_get_array (node), level, style);
      break;
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          append_escaped (out, json_node_get_string (node), style);
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

            if (style->canonical)
              g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.17g", value));
            else
              /* JSON has no NaN or infinity; the parser never produces them anyway. */
              g_string_append (out, g_ascii_dtostr (buffer, sizeof buffer, isfinite (value) ? value : 0));
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
  static const JsonStyle pretty = { FALSE };
  GString *out = g_string_sized_new (4096);

  append_node (out, node, 0, &pretty);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

char *
candor_json_to_canonical_string (JsonNode *node)
{
  static const JsonStyle canonical = { TRUE };
  GString *out = g_string_new (NULL);

  append_node (out, node, 0, &canonical);
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
