/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-document.c: one disclosure draft: product, six elements, review and metadata. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "candor-document-private.h"
#include "candor-json-util.h"

struct _CandorDocument
{
  GObject        parent_instance;

  /* Each section is kept as the JSON object of the draft, so keys this version does not
   * know survive a load/save round trip. */
  JsonObject    *product;
  JsonObject    *metadata;
  JsonObject    *review;
  JsonObject    *root_extras;
  JsonObject    *elements_extras;
  CandorElement *elements[CANDOR_N_ELEMENTS];

  /* Cached views of JSON arrays, rebuilt on change. */
  GStrv          models;
  GStrv          authors;
  GDateTime     *created;
  GDateTime     *modified;

  GFile         *file;
  guint64        change_serial;
  guint          dirty : 1;
  guint          loading : 1;
};

G_DEFINE_FINAL_TYPE (CandorDocument, candor_document, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_MANUFACTURER,
  PROP_PRODUCT_NAME,
  PROP_MODELS,
  PROP_CATEGORY,
  PROP_URL,
  PROP_LANGUAGE,
  PROP_TITLE,
  PROP_FILE,
  PROP_DIRTY,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum { CHANGED, TEXT_EDITED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* Product string properties and their keys in the draft. */
static const struct
{
  guint       prop;
  const char *key;
} product_keys[] = {
  { PROP_MANUFACTURER, "manufacturer" },
  { PROP_PRODUCT_NAME, "name" },
  { PROP_CATEGORY, "category" },
  { PROP_URL, "url" },
  { PROP_LANGUAGE, "language" },
};

static void
mark_changed (CandorDocument *self, const char *section, const char *key)
{
  self->change_serial++;
  if (!self->loading)
    {
      if (!self->dirty)
        {
          self->dirty = TRUE;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
        }
      g_signal_emit (self, signals[CHANGED], g_quark_from_string (section), section, key);
    }
}

static void
on_element_changed (CandorElement *element, const char *key, CandorDocument *self)
{
  mark_changed (self, candor_element_id_to_key (candor_element_get_id (element)), key);
}

static void
on_element_text_edited (CandorElement  *element,
                        guint           kind,
                        guint           offset,
                        guint           removed,
                        guint           inserted,
                        gboolean        generated,
                        CandorDocument *self)
{
  CandorElementId id = candor_element_get_id (element);

  if (!self->loading)
    g_signal_emit (self, signals[TEXT_EDITED], g_quark_from_static_string (candor_element_id_to_key (id)),
                   (guint) id, kind, offset, removed, inserted, generated);
}

static GStrv
dup_string_array (JsonObject *object, const char *key)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  JsonNode *node = json_object_get_member (object, key);

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (item));
        }
    }
  {
    GStrv strv = g_strv_builder_end (builder);
    g_strv_builder_unref (builder);
    return strv;
  }
}

static void
set_string_array (JsonObject *object, const char *key, const char * const *strv)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);
  json_object_set_array_member (object, key, array);
}

static const char *
get_string (JsonObject *object, const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return "";
  return json_node_get_string (node);
}

static GDateTime *
parse_time (JsonObject *object, const char *key)
{
  const char *text = get_string (object, key);

  return *text ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

static void
refresh_caches (CandorDocument *self)
{
  g_clear_pointer (&self->models, g_strfreev);
  g_clear_pointer (&self->authors, g_strfreev);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);
  self->models = dup_string_array (self->product, "models");
  self->authors = dup_string_array (self->metadata, "authors");
  self->created = parse_time (self->metadata, "created");
  self->modified = parse_time (self->metadata, "modified");
}

static void
candor_document_dispose (GObject *object)
{
  CandorDocument *self = CANDOR_DOCUMENT (object);

  for (guint i = 0; i < CANDOR_N_ELEMENTS; i++)
    if (self->elements[i] != NULL)
      {
        g_signal_handlers_disconnect_by_data (self->elements[i], self);
        g_clear_object (&self->elements[i]);
      }
  g_clear_object (&self->file);
  G_OBJECT_CLASS (candor_document_parent_class)->dispose (object);
}

static void
candor_document_finalize (GObject *object)
{
  CandorDocument *self = CANDOR_DOCUMENT (object);

  g_clear_pointer (&self->product, json_object_unref);
  g_clear_pointer (&self->metadata, json_object_unref);
  g_clear_pointer (&self->review, json_object_unref);
  g_clear_pointer (&self->root_extras, json_object_unref);
  g_clear_pointer (&self->elements_extras, json_object_unref);
  g_clear_pointer (&self->models, g_strfreev);
  g_clear_pointer (&self->authors, g_strfreev);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);
  G_OBJECT_CLASS (candor_document_parent_class)->finalize (object);
}

static const char *
product_key_for_prop (guint prop_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (product_keys); i++)
    if (product_keys[i].prop == prop_id)
      return product_keys[i].key;
  return NULL;
}

static void
candor_document_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CandorDocument *self = CANDOR_DOCUMENT (object);
  const char *key = product_key_for_prop (prop_id);

  if (key != NULL)
    {
      g_value_set_string (value, get_string (self->product, key));
      return;
    }

  switch (prop_id)
    {
    case PROP_MODELS:
      g_value_set_boxed (value, self->models);
      break;
    case PROP_TITLE:
      g_value_take_string (value, candor_document_dup_title (self));
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_product_string (CandorDocument *self, guint prop_id, const char *value)
{
  const char *key = product_key_for_prop (prop_id);

  g_assert (key != NULL);
  if (value == NULL)
    value = "";
  g_return_if_fail (g_utf8_validate (value, -1, NULL));

  if (strcmp (get_string (self->product, key), value) == 0)
    return;

  /* Unset rather than empty, so a new draft has no half-filled keys. */
  if (*value == '\0')
    json_object_remove_member (self->product, key);
  else
    json_object_set_string_member (self->product, key, value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  if (prop_id == PROP_PRODUCT_NAME)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  mark_changed (self, "product", key);
}

static void
candor_document_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CandorDocument *self = CANDOR_DOCUMENT (object);

  if (product_key_for_prop (prop_id) != NULL)
    {
      set_product_string (self, prop_id, g_value_get_string (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_MODELS:
      candor_document_set_models (self, g_value_get_boxed (value));
      break;
    case PROP_FILE:
      candor_document_set_file (self, g_value_get_object (value));
      break;
    case PROP_DIRTY:
      candor_document_set_dirty (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candor_document_class_init (CandorDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = candor_document_dispose;
  object_class->finalize = candor_document_finalize;
  object_class->get_property = candor_document_get_property;
  object_class->set_property = candor_document_set_property;

  properties[PROP_MANUFACTURER] = g_param_spec_string ("manufacturer", NULL, NULL, "", rw);
  properties[PROP_PRODUCT_NAME] = g_param_spec_string ("product-name", NULL, NULL, "", rw);
  properties[PROP_MODELS] = g_param_spec_boxed ("models", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, "", rw);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, "", rw);
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, "", rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, rw);
  properties[PROP_DIRTY] = g_param_spec_boolean ("dirty", NULL, NULL, FALSE, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CandorDocument::changed:
   * @section: "product", "A1" … "B3", "review" or "metadata"
   * @key: (nullable): what changed inside the section; NULL for all of it
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  /**
   * CandorDocument::text-edited:
   * @element: the CandorElementId
   * @kind: the CandorTextKind
   * @offset: where the edit starts, in characters of the old text
   * @removed: characters removed there
   * @inserted: characters inserted there
   * @generated: TRUE when the new text was generated from the answers
   *
   * Detailed by the element key ("A1" … "B3"). Emitted before "changed" for every real
   * change of a label or web text; the review model (src/review/) moves its anchors here.
   */
  signals[TEXT_EDITED] = g_signal_new ("text-edited", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 6, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT,
                                       G_TYPE_UINT, G_TYPE_UINT, G_TYPE_BOOLEAN);
}

static void
candor_document_init (CandorDocument *self)
{
  self->product = json_object_new ();
  self->metadata = json_object_new ();
  self->review = json_object_new ();
  self->root_extras = json_object_new ();
  self->elements_extras = json_object_new ();

  for (guint i = 0; i < CANDOR_N_ELEMENTS; i++)
    {
      self->elements[i] = candor_element_new ((CandorElementId) i);
      g_signal_connect (self->elements[i], "changed", G_CALLBACK (on_element_changed), self);
      g_signal_connect (self->elements[i], "text-edited", G_CALLBACK (on_element_text_edited), self);
    }
  refresh_caches (self);
}

/**
 * candor_document_new:
 *
 * Returns: (transfer full): an empty draft (English, created now, not dirty)
 */
CandorDocument *
candor_document_new (void)
{
  CandorDocument *self = g_object_new (CANDOR_TYPE_DOCUMENT, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  json_object_set_string_member (self->product, "language", "en");
  json_object_set_string_member (self->metadata, "created", stamp);
  json_object_set_string_member (self->metadata, "modified", stamp);
  refresh_caches (self);
  return self;
}

#define DEFINE_STRING_ACCESSORS(name, prop)                                     \
  const char *candor_document_get_##name (CandorDocument *self)                 \
  {                                                                             \
    g_return_val_if_fail (CANDOR_IS_DOCUMENT (self), "");                       \
    return get_string (self->product, product_key_for_prop (prop));             \
  }                                                                             \
  void candor_document_set_##name (CandorDocument *self, const char *value)     \
  {                                                                             \
    g_return_if_fail (CANDOR_IS_DOCUMENT (self));                               \
    set_product_string (self, prop, value);                                     \
  }

DEFINE_STRING_ACCESSORS (manufacturer, PROP_MANUFACTURER)
DEFINE_STRING_ACCESSORS (product_name, PROP_PRODUCT_NAME)
DEFINE_STRING_ACCESSORS (category, PROP_CATEGORY)
DEFINE_STRING_ACCESSORS (url, PROP_URL)
DEFINE_STRING_ACCESSORS (language, PROP_LANGUAGE)

/**
 * candor_document_get_models:
 *
 * Returns: (transfer none) (array zero-terminated=1): model numbers, never NULL
 */
const char * const *
candor_document_get_models (CandorDocument *self)
{
  g_return_val_if_fail (CANDOR_IS_DOCUMENT (self), NULL);
  return (const char * const *) self->models;
}

void
candor_document_set_models (CandorDocument *self, const char * const *models)
{
  static const char *empty[] = { NULL };

  g_return_if_fail (CANDOR_IS_DOCUMENT (self));

  if (models == NULL)
    models = empty;
  if (g_strv_equal ((const char * const *) self->models, models))
    return;

  set_string_array (self->product, "models", models);
  refresh_caches (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODELS]);
  mark_changed (self, "product", "models");
}

/**
 * candor_document_dup_title:
 *
 * Returns: (transfer full): the product name, or a placeholder for an unnamed draft
 */
char *
candor_document_dup_title (CandorDocument *self)
{
  const char *name;

  g_return_val_if_fail (CANDOR_IS_DOCUMENT (self), NULL);

  name = candor_document_get_product_name (self);
  if (*name == '\0')
    return g_strdup (g_dgettext (GETTEXT_PACKAGE, "Untitled Disclosure"));
  return g_strdup (name);
}

/**
 * candor_document_get_element:
 *
 * Returns: (transfer none): the element, owned by the document
 */
CandorElement *
candor_document_get_element (CandorDocument *self, CandorElementId id)
{
  g_return_val_if_fail (CANDOR_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (id < CANDOR_N_ELEMENTS, NULL);
  return self->elements[id];
}

/**
 * candor_document_get_review:
 *
 * Returns: (transfer none): the review section; do not modify, use candor_document_set_review()
 */
JsonObject *
candor_document_get_review (CandorDocument *self)
{
  g_return_val_if_fail (CANDOR_IS_DOCUMENT (self), NULL);
  return self->review;
}

/**
 * candor_document_set_review:
 * @review: (transfer none): the new review section; copied
 */
void
candor_document_set_review (CandorDocument *self, JsonObject *review)
{
  g_autoptr(JsonNode) old_node = NULL;
  g_autoptr(JsonNode) new_node = NULL;

  g_return_if_fail (CANDOR_IS_DOCUMENT (self));
  g_return_if_fail (review != NULL);

  old_node = json_node_init_object (json_node_alloc (), self->review);
  new_node = json_node_init_object (json_node_alloc (), review);
  if (json_node_equal (old_node, new_node))
    return;

  g_clear_pointer (&self->review, json_object_unref);
  self->review = candor_json_object_deep_copy (review);
  mark_changed (self, "review", NULL);
}

/**
 * candor_document_edit_review:
 *
 * The review section itself, for the review model (src/review/) to change in place where
 * copying it would cost too much (anchors move on every keystroke). Call
 * candor_document_review_changed() after each change.
 * Returns: (transfer none): the review section
 */
JsonObject *
candor_document_edit_review (CandorDocument *self)
{
  g_return_val_if_fail (CANDOR_IS_DOCUMENT (self), NULL);
  return self->review;
}

/**
 * candor_document_review_changed:
 * @key: (nullable): what changed ("comments", "elements", "log", "anchors"), NULL for all
 *
 * Marks the document changed after an in-place change of the review section, and emits
 * "changed::review".
 */
void
candor_document_review_changed (CandorDocument *self, const char *key)
{
  g_return_if_fail (CANDOR_IS_DOCUMENT (self));
  mark_changed (self, "review", key);
}

/**
 * candor_document_get_created:
 *
 * Returns: (transfer none) (nullable): when the draft was created
 */
GDateTime *
candor_document_get_created (CandorDocument *self)
{
  g_return_val_if_fail (CANDOR_IS_DOCUMENT (self), NULL);
  return self->created;
}

/**
 * candor_document_get_modified:
 *
 * Returns: (transfer none) (nullable): when the draft was last saved
 */
GDateTime *
candor_document_get_modified (CandorDocument *self)
{
  g_return_val_if_fail (CANDOR_IS_DOCUMENT (self), NULL);
  return self->modified;
}

/**
 * candor_document_set_modified:
 *
 * Stamps the modification time (whole seconds, UTC). Does not mark the document dirty: the
 * time is metadata about saving, not a user change.
 */
void
candor_document_set_modified (CandorDocument *self, GDateTime *when)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *stamp = NULL;

  g_return_if_fail (CANDOR_IS_DOCUMENT (self));
  g_return_if_fail (when != NULL);

  utc = g_date_time_to_utc (when);
  stamp = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  json_object_set_string_member (self->metadata, "modified", stamp);
  refresh_caches (self);
}

/**
 * candor_document_get_authors:
 *
 * Returns: (transfer none) (array zero-terminated=1): everyone who saved the draft
 */
const char * const *
candor_document_get_authors (CandorDocument *self)
{
  g_return_val_if_fail (CANDOR_IS_DOCUMENT (self), NULL);
  return (const char * const *) self->authors;
}

void
candor_document_add_author (CandorDocument *self, const char *author)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) authors = NULL;

  g_return_if_fail (CANDOR_IS_DOCUMENT (self));
  g_return_if_fail (author != NULL && g_utf8_validate (author, -1, NULL));

  if (*author == '\0' || g_strv_contains ((const char * const *) self->authors, author))
    return;

  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) self->authors);
  g_strv_builder_add (builder, author);
  authors = g_strv_builder_end (builder);
  set_string_array (self->metadata, "authors", (const char * const *) authors);
  refresh_caches (self);
  mark_changed (self, "metadata", "authors");
}

/**
 * candor_document_get_file:
 *
 * Returns: (transfer none) (nullable): where the draft was loaded from or saved to
 */
GFile *
candor_document_get_file (CandorDocument *self)
{
  g_return_val_if_fail (CANDOR_IS_DOCUMENT (self), NULL);
  return self->file;
}

void
candor_document_set_file (CandorDocument *self, GFile *file)
{
  g_return_if_fail (CANDOR_IS_DOCUMENT (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (self->file == file || (self->file && file && g_file_equal (self->file, file)))
    return;
  g_set_object (&self->file, file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

gboolean
candor_document_get_dirty (CandorDocument *self)
{
  g_return_val_if_fail (CANDOR_IS_DOCUMENT (self), FALSE);
  return self->dirty;
}

void
candor_document_set_dirty (CandorDocument *self, gboolean dirty)
{
  g_return_if_fail (CANDOR_IS_DOCUMENT (self));

  dirty = !!dirty;
  if (self->dirty == (guint) dirty)
    return;
  self->dirty = dirty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

guint64
candor_document_get_change_serial (CandorDocument *self)
{
  g_return_val_if_fail (CANDOR_IS_DOCUMENT (self), 0);
  return self->change_serial;
}

JsonObject *
_candor_document_get_product_json (CandorDocument *self)
{
  return self->product;
}

JsonObject *
_candor_document_get_metadata_json (CandorDocument *self)
{
  return self->metadata;
}

JsonObject *
_candor_document_get_root_extras (CandorDocument *self)
{
  return self->root_extras;
}

JsonObject *
_candor_document_get_elements_extras (CandorDocument *self)
{
  return self->elements_extras;
}

static void
replace_section (JsonObject **slot, JsonObject *with)
{
  g_clear_pointer (slot, json_object_unref);
  *slot = with != NULL ? candor_json_object_deep_copy (with) : json_object_new ();
}

void
_candor_document_load (CandorDocument *self,
                       JsonObject     *product,
                       JsonObject     *metadata,
                       JsonObject     *review,
                       JsonObject     *root_extras,
                       JsonObject     *elements_extras)
{
  self->loading = TRUE;
  replace_section (&self->product, product);
  replace_section (&self->metadata, metadata);
  replace_section (&self->review, review);
  replace_section (&self->root_extras, root_extras);
  replace_section (&self->elements_extras, elements_extras);
  refresh_caches (self);
  self->loading = FALSE;

  for (guint i = 0; i < N_PROPS; i++)
    if (properties[i] != NULL)
      g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
}
