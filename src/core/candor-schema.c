/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-schema.c: a small JSON Schema validator for the subset our schemas use. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "candor-core-resources.h"
#include "candor-partial-date.h"
#include "candor-schema.h"

#define RESOURCE_PREFIX "/io/github/candor_app/Candor/core/schema/"

struct _CandorSchema
{
  JsonNode   *root;
  JsonObject *defs;
  GHashTable *key_orders; /* json path → GStrv */
};

typedef struct
{
  CandorSchema *schema;
  GPtrArray    *problems;
  guint         max_problems;
  guint         count;
} Validation;

static G_LOCK_DEFINE (schemas);
static GHashTable *schemas;

/**
 * candor_schema_get:
 * @name: file name of a schema shipped in the core GResource
 *
 * Returns: (transfer none): the parsed schema, cached for the life of the process
 */
CandorSchema *
candor_schema_get (const char *name)
{
  CandorSchema *schema;

  g_return_val_if_fail (name != NULL, NULL);

  G_LOCK (schemas);
  if (schemas == NULL)
    schemas = g_hash_table_new (g_str_hash, g_str_equal);
  schema = g_hash_table_lookup (schemas, name);
  if (schema == NULL)
    {
      g_autofree char *path = g_strconcat (RESOURCE_PREFIX, name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonNode *defs;

      /* Look the data up in our own resource: a static library's resource is not
       * registered unless something references it. */
      bytes = g_resource_lookup_data (candor_core_get_resource (), path,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes == NULL || !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                                        (gssize) g_bytes_get_size (bytes), &error))
        g_error ("Shipped schema %s is missing or broken: %s", name, error->message);

      schema = g_new0 (CandorSchema, 1);
      schema->root = json_parser_steal_root (parser);
      defs = json_object_get_member (json_node_get_object (schema->root), "$defs");
      schema->defs = defs != NULL ? json_node_get_object (defs) : NULL;
      schema->key_orders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                  (GDestroyNotify) g_strfreev);
      g_hash_table_insert (schemas, g_strdup (name), schema);
    }
  G_UNLOCK (schemas);
  return schema;
}

static JsonObject *
resolve (CandorSchema *schema, JsonObject *node)
{
  /* Follow "$ref": "#/$defs/NAME" chains (bounded, in case of a loop). */
  for (guint depth = 0; node != NULL && depth < 16; depth++)
    {
      const char *ref;
      JsonNode *target;

      if (!json_object_has_member (node, "$ref"))
        return node;
      ref = json_object_get_string_member (node, "$ref");
      if (schema->defs == NULL || !g_str_has_prefix (ref, "#/$defs/"))
        return NULL;
      target = json_object_get_member (schema->defs, ref + strlen ("#/$defs/"));
      node = target != NULL ? json_node_get_object (target) : NULL;
    }
  return node;
}

static gboolean
is_identifier (const char *key)
{
  if (!g_ascii_isalpha (*key) && *key != '_')
    return FALSE;
  for (const char *p = key; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

static char *
path_child (const char *path, const char *key)
{
  g_autoptr(GString) quoted = NULL;

  if (is_identifier (key))
    return g_strconcat (path, ".", key, NULL);

  quoted = g_string_new (path);
  g_string_append (quoted, "[\"");
  for (const char *p = key; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (quoted, '\\');
      if ((guchar) *p < 0x20)
        g_string_append_printf (quoted, "\\u%04x", (guint) (guchar) *p);
      else
        g_string_append_c (quoted, *p);
    }
  g_string_append (quoted, "\"]");
  return g_string_free (g_steal_pointer (&quoted), FALSE);
}

static void add_problem (Validation *v, const char *path, const char *format, ...) G_GNUC_PRINTF (3, 4);

static void
add_problem (Validation *v, const char *path, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  v->count++;
  if (v->problems == NULL || (v->max_problems > 0 && v->problems->len >= v->max_problems))
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (v->problems, g_strdup_printf ("%s: %s", path, message));
}

static const char *
node_type_name (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return "object";
    case JSON_NODE_ARRAY:
      return "array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return "string";
        case G_TYPE_BOOLEAN:
          return "boolean";
        case G_TYPE_INT64:
          return "integer";
        default:
          return "number";
        }
    }
}

static const char *
type_phrase (const char *type)
{
  if (g_str_equal (type, "object"))
    return _("an object { … }");
  if (g_str_equal (type, "array"))
    return _("a list [ … ]");
  if (g_str_equal (type, "string"))
    return _("a text in quotes");
  if (g_str_equal (type, "boolean"))
    return _("true or false");
  if (g_str_equal (type, "integer"))
    return _("a whole number");
  if (g_str_equal (type, "number"))
    return _("a number");
  return type;
}

/* A short, safe rendering of a found value for messages. */
static char *
describe_value (JsonNode *node)
{
  g_autofree char *text = NULL;

  if (JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup (_("an object"));
  if (JSON_NODE_HOLDS_ARRAY (node))
    return g_strdup (_("a list"));
  text = json_to_string (node, FALSE);
  if (g_utf8_strlen (text, -1) > 40)
    {
      char *cut = g_utf8_offset_to_pointer (text, 40);
      *cut = '\0';
      return g_strconcat (text, "…", NULL);
    }
  return g_steal_pointer (&text);
}

static gboolean
type_matches (const char *type, JsonNode *node)
{
  const char *actual = node_type_name (node);

  if (g_str_equal (type, actual))
    return TRUE;
  if (g_str_equal (type, "number") && (g_str_equal (actual, "integer")))
    return TRUE;
  return FALSE;
}

static gboolean
check_format (const char *format, const char *value)
{
  if (g_str_equal (format, "partial-date"))
    return candor_partial_date_parse (value, NULL);
  if (g_str_equal (format, "date-time"))
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (value, NULL);
      return dt != NULL;
    }
  return TRUE;
}

static void validate_node (Validation *v, JsonObject *schema, JsonNode *node, const char *path);

static void
validate_string (Validation *v, JsonObject *schema, const char *value, const char *path)
{
  const char *expected = json_object_get_string_member_with_default (schema, "x-candor-expected", NULL);
  glong length = g_utf8_strlen (value, -1);

  if (json_object_has_member (schema, "maxLength")
      && length > json_object_get_int_member (schema, "maxLength"))
    add_problem (v, path, _("text is too long (%ld characters; at most %" G_GINT64_FORMAT ")"),
                 length, json_object_get_int_member (schema, "maxLength"));
  if (json_object_has_member (schema, "minLength")
      && length < json_object_get_int_member (schema, "minLength"))
    add_problem (v, path, _("text must not be empty"));

  /* Bidi controls and zero-width characters in what the label prints beside its QR code
   * would make the printed text read differently from what it is (and from the QR target). */
  if (json_object_get_boolean_member_with_default (schema, "x-candor-no-invisible", FALSE))
    {
      glong position = 1;

      for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p), position++)
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_type (c) == G_UNICODE_FORMAT || c == 0x2028 || c == 0x2029)
            {
              add_problem (v, path, _("character %ld is an invisible formatting character (U+%04X), "
                                      "which would make the label read differently from what it says; "
                                      "remove it"), position, c);
              return;
            }
        }
    }

  if (json_object_has_member (schema, "pattern"))
    {
      const char *pattern = json_object_get_string_member (schema, "pattern");
      if (!g_regex_match_simple (pattern, value, 0, 0))
        {
          add_problem (v, path, _("expected %s"), expected ? expected : pattern);
          return;
        }
    }
  if (json_object_has_member (schema, "format")
      && !check_format (json_object_get_string_member (schema, "format"), value))
    add_problem (v, path, _("expected %s"),
                 expected ? expected : json_object_get_string_member (schema, "format"));
}

static void
validate_object (Validation *v, JsonObject *schema, JsonObject *object, const char *path)
{
  JsonNode *props_node = json_object_get_member (schema, "properties");
  JsonObject *props = props_node ? json_node_get_object (props_node) : NULL;
  JsonNode *required = json_object_get_member (schema, "required");
  gboolean additional = json_object_get_boolean_member_with_default (schema, "additionalProperties", TRUE);
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (required != NULL)
    {
      JsonArray *array = json_node_get_array (required);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *key = json_array_get_string_element (array, i);
          if (!json_object_has_member (object, key))
            add_problem (v, path, _("missing required key “%s”"), key);
        }
    }

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      g_autofree char *child = path_child (path, name);
      JsonNode *sub = props ? json_object_get_member (props, name) : NULL;

      if (sub != NULL)
        validate_node (v, json_node_get_object (sub), member, child);
      else if (!additional)
        add_problem (v, child, _("unknown key"));
    }
}

static void
validate_array (Validation *v, JsonObject *schema, JsonArray *array, const char *path)
{
  guint length = json_array_get_length (array);
  JsonNode *items = json_object_get_member (schema, "items");

  if (json_object_has_member (schema, "maxItems")
      && length > json_object_get_int_member (schema, "maxItems"))
    add_problem (v, path, _("too many items (%u; at most %" G_GINT64_FORMAT ")"),
                 length, json_object_get_int_member (schema, "maxItems"));
  if (json_object_has_member (schema, "minItems")
      && length < json_object_get_int_member (schema, "minItems"))
    add_problem (v, path, _("too few items (%u; at least %" G_GINT64_FORMAT ")"),
                 length, json_object_get_int_member (schema, "minItems"));

  for (guint i = 0; i < length; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *child = g_strdup_printf ("%s[%u]", path, i);

      if (items != NULL)
        validate_node (v, json_node_get_object (items), element, child);

      if (json_object_get_boolean_member_with_default (schema, "uniqueItems", FALSE))
        for (guint j = 0; j < i; j++)
          if (json_node_equal (json_array_get_element (array, j), element))
            {
              g_autofree char *shown = describe_value (element);
              add_problem (v, child, _("%s is listed twice"), shown);
              break;
            }
    }
}

static void
validate_node (Validation *v, JsonObject *schema_in, JsonNode *node, const char *path)
{
  JsonObject *schema = resolve (v->schema, schema_in);
  JsonNode *constraint;

  if (schema == NULL)
    return;

  constraint = json_object_get_member (schema, "const");
  if (constraint != NULL && !json_node_equal (constraint, node))
    {
      const char *expected = json_object_get_string_member_with_default (schema, "x-candor-expected", NULL);
      g_autofree char *want = json_to_string (constraint, FALSE);
      g_autofree char *found = describe_value (node);
      add_problem (v, path, _("expected %s (found %s)"), expected ? expected : want, found);
      return;
    }

  constraint = json_object_get_member (schema, "enum");
  if (constraint != NULL)
    {
      JsonArray *choices = json_node_get_array (constraint);
      g_autoptr(GString) list = g_string_new (NULL);
      g_autofree char *found = NULL;

      for (guint i = 0; i < json_array_get_length (choices); i++)
        {
          g_autofree char *choice = NULL;

          if (json_node_equal (json_array_get_element (choices, i), node))
            return;
          choice = json_to_string (json_array_get_element (choices, i), FALSE);
          if (list->len > 0)
            g_string_append (list, ", ");
          g_string_append (list, choice);
        }
      found = describe_value (node);
      add_problem (v, path, _("expected one of %s (found %s)"), list->str, found);
      return;
    }

  constraint = json_object_get_member (schema, "type");
  if (constraint != NULL && !type_matches (json_node_get_string (constraint), node))
    {
      const char *expected = json_object_get_string_member_with_default (schema, "x-candor-expected", NULL);
      g_autofree char *found = describe_value (node);
      add_problem (v, path, _("expected %s (found %s)"),
                   expected ? expected : type_phrase (json_node_get_string (constraint)), found);
      return;
    }

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      validate_object (v, schema, json_node_get_object (node), path);
      break;
    case JSON_NODE_ARRAY:
      validate_array (v, schema, json_node_get_array (node), path);
      break;
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        validate_string (v, schema, json_node_get_string (node), path);
      else if (json_node_get_value_type (node) == G_TYPE_INT64)
        {
          gint64 value = json_node_get_int (node);
          gint64 min = json_object_get_int_member_with_default (schema, "minimum", G_MININT64);
          gint64 max = json_object_get_int_member_with_default (schema, "maximum", G_MAXINT64);

          if (value < min || value > max)
            {
              if (min != G_MININT64 && max != G_MAXINT64)
                add_problem (v, path, _("expected a number from %" G_GINT64_FORMAT " to %"
                                        G_GINT64_FORMAT " (found %" G_GINT64_FORMAT ")"),
                             min, max, value);
              else if (min != G_MININT64)
                add_problem (v, path, _("expected a number of at least %" G_GINT64_FORMAT
                                        " (found %" G_GINT64_FORMAT ")"), min, value);
              else
                add_problem (v, path, _("expected a number of at most %" G_GINT64_FORMAT
                                        " (found %" G_GINT64_FORMAT ")"), max, value);
            }
        }
      break;
    case JSON_NODE_NULL:
    default:
      break;
    }
}

/**
 * candor_schema_validate:
 * @problems: (nullable) (element-type utf8): where "PATH: message" strings are appended
 * @max_problems: stop recording after this many (0: no limit)
 *
 * Returns: TRUE if @node is valid
 */
gboolean
candor_schema_validate (CandorSchema *schema,
                        JsonNode     *node,
                        GPtrArray    *problems,
                        guint         max_problems)
{
  Validation v = { schema, problems, max_problems, 0 };

  g_return_val_if_fail (schema != NULL, FALSE);
  g_return_val_if_fail (node != NULL, FALSE);

  validate_node (&v, json_node_get_object (schema->root), node, "$");
  return v.count == 0;
}

/* The (resolved) schema of the value at @json_path: "$", "$.elements.A3", "$.product.models.[]". */
static JsonObject *
find_node (CandorSchema *schema, const char *json_path)
{
  g_auto(GStrv) parts = g_strsplit (json_path + 1, ".", -1);
  JsonObject *node = resolve (schema, json_node_get_object (schema->root));

  for (guint i = 0; parts[i] != NULL && node != NULL; i++)
    {
      JsonNode *props, *child;

      if (parts[i][0] == '\0')
        continue;
      if (g_str_equal (parts[i], "[]"))
        {
          JsonNode *items = json_object_get_member (node, "items");
          node = items ? resolve (schema, json_node_get_object (items)) : NULL;
          continue;
        }
      props = json_object_get_member (node, "properties");
      child = props ? json_object_get_member (json_node_get_object (props), parts[i]) : NULL;
      node = child ? resolve (schema, json_node_get_object (child)) : NULL;
    }
  return node;
}

/**
 * candor_schema_get_max_length:
 * @json_path: a dotted path of object keys ("$.elements.A1.web_text")
 *
 * The "maxLength" the validator applies to the string at @json_path, in characters (Unicode
 * code points, as the validator counts them), so editors can bound input with the very number
 * the loader checks. Returns: the limit, or -1 when the schema sets none
 */
gint64
candor_schema_get_max_length (CandorSchema *schema, const char *json_path)
{
  JsonObject *node;

  g_return_val_if_fail (schema != NULL, -1);
  g_return_val_if_fail (json_path != NULL && json_path[0] == '$', -1);

  node = find_node (schema, json_path);
  if (node == NULL || !json_object_has_member (node, "maxLength"))
    return -1;
  return json_object_get_int_member (node, "maxLength");
}

/**
 * candor_schema_get_key_order:
 * @json_path: "$" or a dotted path of object keys ("$.elements.A3")
 *
 * Returns: (transfer none) (nullable): property names in schema order
 */
const char * const *
candor_schema_get_key_order (CandorSchema *schema, const char *json_path)
{
  GStrv order;
  JsonObject *node;

  g_return_val_if_fail (schema != NULL, NULL);
  g_return_val_if_fail (json_path != NULL && json_path[0] == '$', NULL);

  G_LOCK (schemas);
  order = g_hash_table_lookup (schema->key_orders, json_path);
  G_UNLOCK (schemas);
  if (order != NULL)
    return (const char * const *) order;

  node = find_node (schema, json_path);
  if (node == NULL || !json_object_has_member (node, "properties"))
    return NULL;

  {
    GList *members = json_object_get_members (json_object_get_object_member (node, "properties"));
    GStrvBuilder *builder = g_strv_builder_new ();

    for (GList *l = members; l != NULL; l = l->next)
      g_strv_builder_add (builder, l->data);
    g_list_free (members);
    order = g_strv_builder_end (builder);
    g_strv_builder_unref (builder);
  }

  G_LOCK (schemas);
  if (g_hash_table_lookup (schema->key_orders, json_path) == NULL)
    g_hash_table_insert (schema->key_orders, g_strdup (json_path), order);
  else
    g_clear_pointer (&order, g_strfreev);
  order = g_hash_table_lookup (schema->key_orders, json_path);
  G_UNLOCK (schemas);
  return (const char * const *) order;
}
