/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-label-template.c: loads the label templates from data/render/label-templates.json. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "candor-label-template.h"
#include "candor-render-error.h"
#include "candor-render-util.h"

#define MAX_SIZES 4

struct _CandorLabelTemplate
{
  char            *id;
  CandorElementId  elements[CANDOR_N_ELEMENTS];
  guint            n_elements;
  CandorLabelSize  sizes[MAX_SIZES];
  guint            n_sizes;
  guint            default_size;
};

typedef struct
{
  CandorLabelTemplate *templates;
  guint                n_templates;
  const char         **ids;
  char                *font;
  double               min_pt;
} TemplateTable;

/* The file is built-in data, so a malformed one is a programming error caught by the tests. */
static double
require_number (JsonObject *object, const char *member, double min, double max)
{
  double value;

  if (!json_object_has_member (object, member))
    g_error ("label-templates.json: “%s” missing", member);
  value = json_object_get_double_member (object, member);
  if (value < min || value > max)
    g_error ("label-templates.json: “%s” = %g is out of range", member, value);
  return value;
}

static void
load_size (CandorLabelSize *size, JsonObject *object)
{
  size->id = g_strdup (json_object_get_string_member (object, "id"));
  size->width_mm = require_number (object, "width_mm", 30, 300);
  size->height_mm = require_number (object, "height_mm", 30, 300);
  size->margin_mm = require_number (object, "margin_mm", 1, 20);
  size->title_pt = require_number (object, "title_pt", 6, 40);
  size->body_pt = require_number (object, "body_pt", 6, 20);
  /* Below 12 mm a printed QR code is hard to scan at arm's length. */
  size->qr_mm = require_number (object, "qr_mm", 12, 100);
}

static void
load_template (CandorLabelTemplate *tmpl, JsonObject *object)
{
  JsonArray *elements = json_object_get_array_member (object, "elements");
  JsonArray *sizes = json_object_get_array_member (object, "sizes");
  const char *default_size = json_object_get_string_member (object, "default_size");

  tmpl->id = g_strdup (json_object_get_string_member (object, "id"));
  for (guint i = 0; i < json_array_get_length (elements) && i < CANDOR_N_ELEMENTS; i++)
    if (!candor_element_id_from_key (json_array_get_string_element (elements, i),
                                     &tmpl->elements[tmpl->n_elements++]))
      g_error ("label-templates.json: unknown element in template %s", tmpl->id);
  for (guint i = 0; i < json_array_get_length (sizes) && i < MAX_SIZES; i++)
    {
      load_size (&tmpl->sizes[i], json_array_get_object_element (sizes, i));
      if (g_strcmp0 (tmpl->sizes[i].id, default_size) == 0)
        tmpl->default_size = i;
    }
  tmpl->n_sizes = MIN (json_array_get_length (sizes), MAX_SIZES);
  if (tmpl->id == NULL || tmpl->n_elements == 0 || tmpl->n_sizes == 0)
    g_error ("label-templates.json: template %s is incomplete", tmpl->id);
}

static gpointer
load_table (gpointer data)
{
  TemplateTable *table = g_new0 (TemplateTable, 1);
  g_autoptr(GBytes) bytes = candor_render_lookup_data ("label-templates.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *templates;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   (gssize) g_bytes_get_size (bytes), &error))
    g_error ("label-templates.json: %s", error->message);
  root = json_node_get_object (json_parser_get_root (parser));
  templates = json_object_get_array_member (root, "templates");
  table->font = g_strdup (json_object_get_string_member (root, "font"));
  table->min_pt = require_number (root, "min_pt", 4, 12);
  table->n_templates = json_array_get_length (templates);
  table->templates = g_new0 (CandorLabelTemplate, table->n_templates);
  table->ids = g_new0 (const char *, table->n_templates + 1);
  for (guint i = 0; i < table->n_templates; i++)
    {
      load_template (&table->templates[i], json_array_get_object_element (templates, i));
      table->ids[i] = table->templates[i].id;
    }
  return table;
}

static const TemplateTable *
get_table (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load_table, NULL);
}

const char * const *
candor_label_template_list_ids (void)
{
  return (const char * const *) get_table ()->ids;
}

const CandorLabelTemplate *
candor_label_template_lookup (const char *id, GError **error)
{
  const TemplateTable *table = get_table ();
  g_autofree char *known = NULL;

  for (guint i = 0; id != NULL && i < table->n_templates; i++)
    if (strcmp (table->templates[i].id, id) == 0)
      return &table->templates[i];

  known = g_strjoinv (", ", (char **) table->ids);
  g_set_error (error, CANDOR_RENDER_ERROR, CANDOR_RENDER_ERROR_UNKNOWN_TEMPLATE,
               _("There is no label template “%s”. Choose one of: %s."),
               id != NULL ? id : "", known);
  return NULL;
}

const char *
candor_label_template_get_id (const CandorLabelTemplate *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->id;
}

const char *
candor_label_template_get_name (const CandorLabelTemplate *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (strcmp (self->id, "compact") == 0)
    return C_("label template", "Compact");
  if (strcmp (self->id, "full") == 0)
    return C_("label template", "Full");
  return self->id;
}

const CandorElementId *
candor_label_template_get_elements (const CandorLabelTemplate *self, guint *n_elements)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (n_elements != NULL)
    *n_elements = self->n_elements;
  return self->elements;
}

guint
candor_label_template_get_n_sizes (const CandorLabelTemplate *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_sizes;
}

const CandorLabelSize *
candor_label_template_get_size (const CandorLabelTemplate *self, guint index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_sizes, NULL);
  return &self->sizes[index];
}

const CandorLabelSize *
candor_label_template_lookup_size (const CandorLabelTemplate *self,
                                   const char                *size_id,
                                   GError                   **error)
{
  GString *known;

  g_return_val_if_fail (self != NULL, NULL);

  if (size_id == NULL)
    return &self->sizes[self->default_size];
  for (guint i = 0; i < self->n_sizes; i++)
    if (strcmp (self->sizes[i].id, size_id) == 0)
      return &self->sizes[i];

  known = g_string_new (NULL);
  for (guint i = 0; i < self->n_sizes; i++)
    g_string_append_printf (known, "%s%s", i > 0 ? ", " : "", self->sizes[i].id);
  g_set_error (error, CANDOR_RENDER_ERROR, CANDOR_RENDER_ERROR_UNKNOWN_SIZE,
               _("The %s label has no size “%s”. Choose one of: %s."),
               self->id, size_id, known->str);
  g_string_free (known, TRUE);
  return NULL;
}

char *
candor_label_size_dup_display_name (const CandorLabelSize *size)
{
  const char *name;

  g_return_val_if_fail (size != NULL, NULL);

  name = size->id;
  if (strcmp (size->id, "small") == 0)
    name = C_("label size", "Small");
  else if (strcmp (size->id, "medium") == 0)
    name = C_("label size", "Medium");
  else if (strcmp (size->id, "large") == 0)
    name = C_("label size", "Large");
  /* TRANSLATORS: label size name, width and height in millimetres: "Small, 50 × 70 mm" */
  return g_strdup_printf (_("%s, %g × %g mm"), name, size->width_mm, size->height_mm);
}

const char *
candor_label_template_get_font (void)
{
  return get_table ()->font;
}

double
candor_label_template_get_min_pt (void)
{
  return get_table ()->min_pt;
}
