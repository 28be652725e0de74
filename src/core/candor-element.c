/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-element.c: one disclosure element, stored as the JSON object the draft holds. */
#include "config.h"

#include <string.h>

#include "candor-element.h"
#include "candor-json-util.h"

struct _CandorElement
{
  GObject          parent_instance;
  CandorElementId  id;
  /* Answers, texts and unknown keys, exactly as in the draft. Keeping one object (rather
   * than C fields plus a bag of extras) means nothing is dropped on a round trip. */
  JsonObject      *json;
};

G_DEFINE_FINAL_TYPE (CandorElement, candor_element, G_TYPE_OBJECT)

enum { CHANGED, TEXT_EDITED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *text_keys[CANDOR_N_TEXT_KINDS] = { "label_text", "web_text" };
static const char *edited_keys[CANDOR_N_TEXT_KINDS] = { "label_edited", "web_edited" };

static void
candor_element_finalize (GObject *object)
{
  CandorElement *self = CANDOR_ELEMENT (object);

  g_clear_pointer (&self->json, json_object_unref);
  G_OBJECT_CLASS (candor_element_parent_class)->finalize (object);
}

static void
candor_element_class_init (CandorElementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = candor_element_finalize;

  /**
   * CandorElement::changed:
   * @key: (nullable): the answer or text key that changed; NULL if everything was replaced
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * CandorElement::text-edited:
   * @kind: the CandorTextKind changed
   * @offset: where the edit starts, in characters of the old text
   * @removed: how many characters were removed there
   * @inserted: how many characters were inserted there
   * @generated: TRUE when the new text was generated from the answers (not typed)
   *
   * Emitted before "changed" on every real change of a text, so that anything anchored in
   * the text (review comments) follows the edit before views hear of it.
   */
  signals[TEXT_EDITED] = g_signal_new ("text-edited", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 5, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT,
                                       G_TYPE_UINT, G_TYPE_BOOLEAN);
}

static void
candor_element_init (CandorElement *self)
{
  self->json = json_object_new ();
}

/**
 * candor_element_new:
 * @id: which element
 *
 * Returns: (transfer full): an element with no answers and empty texts
 */
CandorElement *
candor_element_new (CandorElementId id)
{
  CandorElement *self;

  g_return_val_if_fail (id < CANDOR_N_ELEMENTS, NULL);

  self = g_object_new (CANDOR_TYPE_ELEMENT, NULL);
  self->id = id;
  return self;
}

CandorElementId
candor_element_get_id (CandorElement *self)
{
  g_return_val_if_fail (CANDOR_IS_ELEMENT (self), CANDOR_ELEMENT_A1);
  return self->id;
}

static void
emit_changed (CandorElement *self, const char *key)
{
  g_signal_emit (self, signals[CHANGED], key ? g_quark_from_string (key) : 0, key);
}

static JsonNode *
get_node (CandorElement *self, const char *key, JsonNodeType type)
{
  JsonNode *node = json_object_get_member (self->json, key);

  if (node == NULL || JSON_NODE_TYPE (node) != type)
    return NULL;
  return node;
}

/**
 * candor_element_get_text:
 *
 * Returns: (transfer none): the label or web text; "" when there is none
 */
const char *
candor_element_get_text (CandorElement *self, CandorTextKind kind)
{
  JsonNode *node;

  g_return_val_if_fail (CANDOR_IS_ELEMENT (self), "");
  g_return_val_if_fail (kind < CANDOR_N_TEXT_KINDS, "");

  node = get_node (self, text_keys[kind], JSON_NODE_VALUE);
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return "";
  return json_node_get_string (node);
}

gboolean
candor_element_get_text_edited (CandorElement *self, CandorTextKind kind)
{
  g_return_val_if_fail (CANDOR_IS_ELEMENT (self), FALSE);
  g_return_val_if_fail (kind < CANDOR_N_TEXT_KINDS, FALSE);

  return candor_element_get_answer_boolean (self, edited_keys[kind], FALSE);
}

/* The one edit that turns @old into @new: the longest common prefix and suffix (in
 * characters) are kept, the middle is replaced. */
static void
compute_edit (const char *old, const char *new, guint *offset, guint *removed, guint *inserted)
{
  const char *o = old, *n = new;
  const char *oe = old + strlen (old), *ne = new + strlen (new);
  guint prefix = 0;

  while (o < oe && n < ne)
    {
      const char *on = g_utf8_next_char (o), *nn = g_utf8_next_char (n);
      if (on - o != nn - n || memcmp (o, n, on - o) != 0)
        break;
      o = on;
      n = nn;
      prefix++;
    }
  while (oe > o && ne > n)
    {
      const char *op = g_utf8_prev_char (oe), *np = g_utf8_prev_char (ne);
      if (oe - op != ne - np || memcmp (op, np, oe - op) != 0)
        break;
      oe = op;
      ne = np;
    }
  *offset = prefix;
  *removed = (guint) g_utf8_strlen (o, oe - o);
  *inserted = (guint) g_utf8_strlen (n, ne - n);
}

static void
store_text (CandorElement  *self,
            CandorTextKind  kind,
            const char     *text,
            gboolean        edited,
            gboolean        exact,
            guint           offset,
            guint           removed,
            guint           inserted)
{
  const char *old = candor_element_get_text (self, kind);
  gboolean text_changed = g_strcmp0 (old, text) != 0;
  gboolean changed = FALSE;

  if (text_changed)
    {
      if (!exact)
        compute_edit (old, text, &offset, &removed, &inserted);
      json_object_set_string_member (self->json, text_keys[kind], text);
      changed = TRUE;
    }
  if (candor_element_get_text_edited (self, kind) != !!edited
      || !json_object_has_member (self->json, edited_keys[kind]))
    {
      json_object_set_boolean_member (self->json, edited_keys[kind], !!edited);
      changed = TRUE;
    }
  if (text_changed)
    g_signal_emit (self, signals[TEXT_EDITED], 0, (guint) kind, offset, removed, inserted, !edited);
  if (changed)
    emit_changed (self, text_keys[kind]);
}

/**
 * candor_element_set_text:
 * @text: (nullable): the new text; NULL is the same as ""
 * @edited: TRUE when the user typed it, FALSE when it was generated from the answers
 *
 * Emits "text-edited" (the smallest single edit from the old text to the new) and then
 * "changed" with the text key ("label_text" / "web_text") on a real change.
 */
void
candor_element_set_text (CandorElement  *self,
                         CandorTextKind  kind,
                         const char     *text,
                         gboolean        edited)
{
  g_return_if_fail (CANDOR_IS_ELEMENT (self));
  g_return_if_fail (kind < CANDOR_N_TEXT_KINDS);

  if (text == NULL)
    text = "";
  g_return_if_fail (g_utf8_validate (text, -1, NULL));

  store_text (self, kind, text, edited, FALSE, 0, 0, 0);
}

/**
 * candor_element_replace_text:
 * @offset: where to edit, in characters
 * @removed: how many characters to remove there
 * @inserted: (nullable): what to insert there
 * @edited: as for candor_element_set_text()
 *
 * Replaces a range of a text and reports exactly that edit in "text-edited" (where
 * candor_element_set_text() has to guess the edit from the two texts: typing "a" after
 * "aa" could be either). Editors that know the edit should use this. Offsets past the end
 * are clamped.
 */
void
candor_element_replace_text (CandorElement  *self,
                             CandorTextKind  kind,
                             guint           offset,
                             guint           removed,
                             const char     *inserted,
                             gboolean        edited)
{
  const char *old;
  glong length;
  const char *start, *end;
  GString *text;

  g_return_if_fail (CANDOR_IS_ELEMENT (self));
  g_return_if_fail (kind < CANDOR_N_TEXT_KINDS);

  if (inserted == NULL)
    inserted = "";
  g_return_if_fail (g_utf8_validate (inserted, -1, NULL));

  old = candor_element_get_text (self, kind);
  length = g_utf8_strlen (old, -1);
  offset = (guint) MIN ((glong) offset, length);
  removed = (guint) MIN ((glong) removed, length - (glong) offset);
  start = g_utf8_offset_to_pointer (old, offset);
  end = g_utf8_offset_to_pointer (start, removed);
  text = g_string_new_len (old, start - old);
  g_string_append (text, inserted);
  g_string_append (text, end);
  store_text (self, kind, text->str, edited, TRUE, offset, removed, (guint) g_utf8_strlen (inserted, -1));
  g_string_free (text, TRUE);
}

gboolean
candor_element_has_answer (CandorElement *self, const char *key)
{
  JsonNode *node;

  g_return_val_if_fail (CANDOR_IS_ELEMENT (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  node = json_object_get_member (self->json, key);
  return node != NULL && !JSON_NODE_HOLDS_NULL (node);
}

/**
 * candor_element_get_answer_string:
 *
 * Returns: (transfer none) (nullable): the answer, or NULL when unset or not a string
 */
const char *
candor_element_get_answer_string (CandorElement *self, const char *key)
{
  JsonNode *node;

  g_return_val_if_fail (CANDOR_IS_ELEMENT (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  node = get_node (self, key, JSON_NODE_VALUE);
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gboolean
candor_element_get_answer_boolean (CandorElement *self, const char *key, gboolean default_value)
{
  JsonNode *node;

  g_return_val_if_fail (CANDOR_IS_ELEMENT (self), default_value);
  g_return_val_if_fail (key != NULL, default_value);

  node = get_node (self, key, JSON_NODE_VALUE);
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return default_value;
  return json_node_get_boolean (node);
}

gint64
candor_element_get_answer_int (CandorElement *self, const char *key, gint64 default_value)
{
  JsonNode *node;

  g_return_val_if_fail (CANDOR_IS_ELEMENT (self), default_value);
  g_return_val_if_fail (key != NULL, default_value);

  node = get_node (self, key, JSON_NODE_VALUE);
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return default_value;
  return json_node_get_int (node);
}

/**
 * candor_element_dup_answer_strv:
 *
 * Returns: (transfer full) (nullable): the string items of an array answer, or NULL when unset
 */
char **
candor_element_dup_answer_strv (CandorElement *self, const char *key)
{
  JsonNode *node;
  JsonArray *array;
  GStrvBuilder *builder;

  g_return_val_if_fail (CANDOR_IS_ELEMENT (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  node = get_node (self, key, JSON_NODE_ARRAY);
  if (node == NULL)
    return NULL;

  array = json_node_get_array (node);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (item));
    }
  {
    GStrv strv = g_strv_builder_end (builder);
    g_strv_builder_unref (builder);
    return strv;
  }
}

gboolean
candor_element_answer_strv_contains (CandorElement *self, const char *key, const char *value)
{
  g_auto(GStrv) strv = NULL;

  g_return_val_if_fail (value != NULL, FALSE);

  strv = candor_element_dup_answer_strv (self, key);
  return strv != NULL && g_strv_contains ((const char * const *) strv, value);
}

/**
 * candor_element_set_answer_node:
 * @value: (nullable) (transfer none): the new value; NULL unsets the key
 *
 * Generic setter used by the typed ones; emits "changed" detailed by @key on a real change.
 */
void
candor_element_set_answer_node (CandorElement *self, const char *key, JsonNode *value)
{
  JsonNode *old;

  g_return_if_fail (CANDOR_IS_ELEMENT (self));
  g_return_if_fail (key != NULL);

  old = json_object_get_member (self->json, key);
  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    {
      if (old == NULL)
        return;
      json_object_remove_member (self->json, key);
    }
  else
    {
      if (old != NULL && json_node_equal (old, value))
        return;
      json_object_set_member (self->json, key, candor_json_node_deep_copy (value));
    }
  emit_changed (self, key);
}

void
candor_element_set_answer_string (CandorElement *self, const char *key, const char *value)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_if_fail (value == NULL || g_utf8_validate (value, -1, NULL));

  if (value != NULL)
    node = json_node_init_string (json_node_alloc (), value);
  candor_element_set_answer_node (self, key, node);
}

void
candor_element_set_answer_boolean (CandorElement *self, const char *key, gboolean value)
{
  g_autoptr(JsonNode) node = json_node_init_boolean (json_node_alloc (), !!value);

  candor_element_set_answer_node (self, key, node);
}

void
candor_element_set_answer_int (CandorElement *self, const char *key, gint64 value)
{
  g_autoptr(JsonNode) node = json_node_init_int (json_node_alloc (), value);

  candor_element_set_answer_node (self, key, node);
}

void
candor_element_set_answer_strv (CandorElement *self, const char *key, const char * const *value)
{
  g_autoptr(JsonNode) node = NULL;

  if (value != NULL)
    {
      JsonArray *array = json_array_new ();
      for (guint i = 0; value[i] != NULL; i++)
        json_array_add_string_element (array, value[i]);
      node = json_node_init_array (json_node_alloc (), array);
      json_array_unref (array);
    }
  candor_element_set_answer_node (self, key, node);
}

void
candor_element_unset_answer (CandorElement *self, const char *key)
{
  candor_element_set_answer_node (self, key, NULL);
}

/**
 * candor_element_get_json:
 *
 * Returns: (transfer none): the element as stored in the draft; do not modify
 */
JsonObject *
candor_element_get_json (CandorElement *self)
{
  g_return_val_if_fail (CANDOR_IS_ELEMENT (self), NULL);
  return self->json;
}

/**
 * candor_element_load_json:
 * @object: (transfer none): a validated element object; copied
 */
void
candor_element_load_json (CandorElement *self, JsonObject *object)
{
  g_return_if_fail (CANDOR_IS_ELEMENT (self));
  g_return_if_fail (object != NULL);

  g_clear_pointer (&self->json, json_object_unref);
  self->json = candor_json_object_deep_copy (object);
  emit_changed (self, NULL);
}
