/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-product-page.c: the wizard's first step: which product the disclosure is about. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "candor-a11y.h"
#include "candor-category.h"
#include "candor-product-page.h"

struct _CandorProductPage
{
  AdwPreferencesPage parent_instance;

  CandorDocument *document;
  GBindingGroup  *bindings;

  AdwEntryRow    *manufacturer_row;
  AdwEntryRow    *product_name_row;
  AdwEntryRow    *models_row;
  AdwComboRow    *category_row;
  AdwEntryRow    *url_row;
  GtkLabel       *url_hint;
  AdwEntryRow    *language_row;
  GtkLabel       *language_hint;
};

G_DEFINE_FINAL_TYPE (CandorProductPage, candor_product_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * candor_product_page_split_models:
 * @text: model numbers as typed, e.g. "SC-100, SC-100W"
 *
 * Returns: (transfer full): the non-empty, trimmed model numbers
 */
char **
candor_product_page_split_models (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

/**
 * candor_product_page_url_is_valid:
 * @text: a web address as typed
 *
 * Returns: %TRUE if @text is empty (not filled in yet) or an http(s) address with a host
 */
gboolean
candor_product_page_url_is_valid (const char *text)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  if (text == NULL || text[0] == '\0')
    return TRUE;

  uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  return (g_ascii_strcasecmp (scheme, "https") == 0 || g_ascii_strcasecmp (scheme, "http") == 0) &&
         host != NULL && host[0] != '\0' && strpbrk (text, " \t\n") == NULL;
}

static gboolean
language_is_valid (const char *text)
{
  /* Same rule as the schema's "language" pattern: ^([a-z]{2,3}(-[A-Za-z0-9]{2,8})*)?$ */
  return g_regex_match_simple ("^([a-z]{2,3}(-[A-Za-z0-9]{2,8})*)?$", text, 0, 0);
}

static void
show_validity (GtkWidget  *row,
               GtkLabel   *hint,
               gboolean    valid)
{
  if (valid)
    gtk_widget_remove_css_class (row, "error");
  else
    gtk_widget_add_css_class (row, "error");
  gtk_widget_set_visible (GTK_WIDGET (hint), !valid);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               valid ? GTK_ACCESSIBLE_INVALID_FALSE : GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
}

static void
on_url_changed (CandorProductPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->url_row));

  show_validity (GTK_WIDGET (self->url_row), self->url_hint,
                 candor_product_page_url_is_valid (text));
}

static void
on_language_changed (CandorProductPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->language_row));

  show_validity (GTK_WIDGET (self->language_row), self->language_hint, language_is_valid (text));
}

static gboolean
models_to_text (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  const char * const *models = g_value_get_boxed (from);

  g_value_take_string (to, models != NULL ? g_strjoinv (", ", (char **) models) : g_strdup (""));
  return TRUE;
}

static gboolean
text_to_models (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  g_value_take_boxed (to, candor_product_page_split_models (g_value_get_string (from)));
  return TRUE;
}

static gboolean
category_to_position (GBinding     *binding,
                      const GValue *from,
                      GValue       *to,
                      gpointer      user_data)
{
  const char * const *values = candor_category_get_values ();
  const char *category = g_value_get_string (from);

  for (guint i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], category != NULL ? category : "") == 0)
      {
        g_value_set_uint (to, i);
        return TRUE;
      }
  /* A value the schema does not know cannot have been loaded; leave the row alone. */
  return FALSE;
}

static gboolean
position_to_category (GBinding     *binding,
                      const GValue *from,
                      GValue       *to,
                      gpointer      user_data)
{
  const char * const *values = candor_category_get_values ();
  guint position = g_value_get_uint (from);

  if (position >= g_strv_length ((char **) values))
    return FALSE;
  g_value_set_string (to, values[position]);
  return TRUE;
}

CandorDocument *
candor_product_page_get_document (CandorProductPage *self)
{
  g_return_val_if_fail (CANDOR_IS_PRODUCT_PAGE (self), NULL);

  return self->document;
}

void
candor_product_page_set_document (CandorProductPage *self,
                                  CandorDocument    *document)
{
  g_return_if_fail (CANDOR_IS_PRODUCT_PAGE (self));
  g_return_if_fail (document == NULL || CANDOR_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;
  g_binding_group_set_source (self->bindings, document);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

GtkWidget *
candor_product_page_new (void)
{
  return g_object_new (CANDOR_TYPE_PRODUCT_PAGE, NULL);
}

static void
candor_product_page_dispose (GObject *object)
{
  CandorProductPage *self = CANDOR_PRODUCT_PAGE (object);

  if (self->bindings != NULL)
    g_binding_group_set_source (self->bindings, NULL);
  g_clear_object (&self->bindings);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), CANDOR_TYPE_PRODUCT_PAGE);

  G_OBJECT_CLASS (candor_product_page_parent_class)->dispose (object);
}

static void
candor_product_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CandorProductPage *self = CANDOR_PRODUCT_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candor_product_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CandorProductPage *self = CANDOR_PRODUCT_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      candor_product_page_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candor_product_page_class_init (CandorProductPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = candor_product_page_dispose;
  object_class->get_property = candor_product_page_get_property;
  object_class->set_property = candor_product_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CANDOR_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_PATH "/candor-product-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CandorProductPage, manufacturer_row);
  gtk_widget_class_bind_template_child (widget_class, CandorProductPage, product_name_row);
  gtk_widget_class_bind_template_child (widget_class, CandorProductPage, models_row);
  gtk_widget_class_bind_template_child (widget_class, CandorProductPage, category_row);
  gtk_widget_class_bind_template_child (widget_class, CandorProductPage, url_row);
  gtk_widget_class_bind_template_child (widget_class, CandorProductPage, url_hint);
  gtk_widget_class_bind_template_child (widget_class, CandorProductPage, language_row);
  gtk_widget_class_bind_template_child (widget_class, CandorProductPage, language_hint);
  gtk_widget_class_bind_template_callback (widget_class, on_url_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_language_changed);
}

static void
candor_product_page_init (CandorProductPage *self)
{
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  const char * const *values = candor_category_get_values ();

  gtk_widget_init_template (GTK_WIDGET (self));
  candor_a11y_name_entry_row (self->manufacturer_row);
  candor_a11y_name_entry_row (self->product_name_row);
  candor_a11y_name_entry_row (self->models_row);
  candor_a11y_name_entry_row (self->url_row);
  candor_a11y_name_entry_row (self->language_row);

  for (guint i = 0; values[i] != NULL; i++)
    gtk_string_list_append (categories, candor_category_get_label (values[i]));
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));

  self->bindings = g_binding_group_new ();
  g_binding_group_bind (self->bindings, "manufacturer", self->manufacturer_row, "text",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "product-name", self->product_name_row, "text",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_binding_group_bind_full (self->bindings, "models", self->models_row, "text",
                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                             models_to_text, text_to_models, NULL, NULL);
  g_binding_group_bind_full (self->bindings, "category", self->category_row, "selected",
                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                             category_to_position, position_to_category, NULL, NULL);
  g_binding_group_bind (self->bindings, "url", self->url_row, "text",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "language", self->language_row, "text",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}
