/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-element-page.c: the wizard step of one element: questions, examples and texts. */

#include "config.h"

#include <glib/gi18n.h>

#include "candor-answer-rows.h"
#include "candor-category.h"
#include "candor-element-content.h"
#include "candor-element-page.h"
#include "candor-wizard.h"
#include "candor-wording.h"

struct _CandorElementPage
{
  AdwPreferencesPage  parent_instance;

  CandorElementId     id;
  CandorDocument     *document;
  gulong              changed_id;
  guint               issues_id;

  CandorAnswerRows   *answers;
  GtkWidget          *issues_group;
  GtkWidget          *good_example; /* says the product's kind: follows the category */
  GtkWidget          *no_issues_row;  /* shown when there is nothing to check */
  GPtrArray          *issue_rows;   /* rows shown in issues_group */
  GStrv               issue_rules;
  CandorTextField    *fields[CANDOR_N_TEXT_KINDS];
};

G_DEFINE_FINAL_TYPE (CandorElementPage, candor_element_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
issue_is_missing (const CandorIssue *issue)
{
  /* "Not answered yet" is guidance, not a fault: shown quietly. */
  return g_str_has_suffix (issue->rule, "-missing");
}

static void
update_issues (CandorElementPage *self)
{
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GStrvBuilder) rules = g_strv_builder_new ();
  guint shown = 0;

  g_clear_handle_id (&self->issues_id, g_source_remove);
  for (guint i = 0; i < self->issue_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->issues_group),
                                  g_ptr_array_index (self->issue_rows, i));
  g_ptr_array_set_size (self->issue_rows, 0);

  if (self->document != NULL)
    issues = candor_wording_check (self->document);
  for (guint i = 0; issues != NULL && i < issues->len; i++)
    {
      CandorIssue *issue = g_ptr_array_index (issues, i);
      gboolean here = FALSE;
      GtkWidget *row;
      GtkWidget *icon;
      const char *icon_name;
      const char *css;
      const char *kind;

      for (guint j = 0; j < issue->n_elements; j++)
        if (issue->elements[j] == self->id)
          here = TRUE;
      if (!here)
        continue;

      if (issue_is_missing (issue))
        icon_name = "dialog-information-symbolic", css = "accent", kind = _("To do");
      else if (issue->severity == CANDOR_SEVERITY_BLOCKING)
        icon_name = "dialog-error-symbolic", css = "error", kind = _("Problem");
      else if (issue->severity == CANDOR_SEVERITY_WARNING)
        icon_name = "dialog-warning-symbolic", css = "warning", kind = _("Warning");
      else
        icon_name = "dialog-information-symbolic", css = "accent", kind = _("Note");

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), issue->message);
      if (issue->n_elements > 1)
        {
          g_autoptr(GString) others = g_string_new (NULL);
          for (guint j = 0; j < issue->n_elements; j++)
            if (issue->elements[j] != self->id)
              g_string_append_printf (others, "%s%s", others->len > 0 ? ", " : "",
                                      candor_element_id_to_display (issue->elements[j]));
          {
            g_autofree char *subtitle = g_strdup_printf (_("%s · Also on %s"), kind, others->str);
            adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          }
        }
      else
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), kind);
      icon = gtk_image_new_from_icon_name (icon_name);
      gtk_widget_add_css_class (icon, css);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, kind, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_widget_add_css_class (row, "candor-issue");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->issues_group), row);
      g_ptr_array_add (self->issue_rows, row);
      g_strv_builder_add (rules, issue->rule);
      shown++;
    }
  gtk_widget_set_visible (self->no_issues_row, shown == 0);
  g_strfreev (self->issue_rules);
  self->issue_rules = g_strv_builder_end (rules);
}

static gboolean
issues_idle (gpointer data)
{
  CandorElementPage *self = data;

  self->issues_id = 0;
  update_issues (self);
  return G_SOURCE_REMOVE;
}

static void update_good_example (CandorElementPage *self);

static void
on_document_changed (CandorDocument    *document,
                     const char        *section,
                     const char        *key,
                     CandorElementPage *self)
{
  if (g_strcmp0 (section, "review") == 0 || g_strcmp0 (section, "metadata") == 0)
    return;
  if (g_strcmp0 (section, "product") == 0 && (key == NULL || g_str_equal (key, "category")))
    update_good_example (self);
  if (key != NULL && (g_str_equal (key, "label_text") || g_str_equal (key, "web_text")))
    return;
  if (self->issues_id == 0)
    self->issues_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, issues_idle, self, NULL);
}

GtkWidget *
candor_element_page_new (CandorElementId id)
{
  g_return_val_if_fail (id < CANDOR_N_ELEMENTS, NULL);

  return g_object_new (CANDOR_TYPE_ELEMENT_PAGE, "name", candor_element_id_to_key (id),
                       "candor-element-id", id, NULL);
}

CandorElementId
candor_element_page_get_element_id (CandorElementPage *self)
{
  g_return_val_if_fail (CANDOR_IS_ELEMENT_PAGE (self), 0);
  return self->id;
}

CandorDocument *
candor_element_page_get_document (CandorElementPage *self)
{
  g_return_val_if_fail (CANDOR_IS_ELEMENT_PAGE (self), NULL);
  return self->document;
}

void
candor_element_page_set_document (CandorElementPage *self,
                                  CandorDocument    *document)
{
  g_return_if_fail (CANDOR_IS_ELEMENT_PAGE (self));
  g_return_if_fail (document == NULL || CANDOR_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_set_object (&self->document, document);
  if (document != NULL)
    self->changed_id = g_signal_connect (document, "changed",
                                         G_CALLBACK (on_document_changed), self);
  candor_answer_rows_set_element (self->answers, document != NULL
                                                   ? candor_document_get_element (document, self->id)
                                                   : NULL);
  for (guint k = 0; k < CANDOR_N_TEXT_KINDS; k++)
    candor_text_field_set_document (self->fields[k], document);
  update_good_example (self);
  update_issues (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * candor_element_page_get_answer_widget:
 * Returns: (transfer none) (nullable)
 */
GtkWidget *
candor_element_page_get_answer_widget (CandorElementPage *self,
                                       const char        *key,
                                       const char        *value)
{
  g_return_val_if_fail (CANDOR_IS_ELEMENT_PAGE (self), NULL);
  return candor_answer_rows_get_widget (self->answers, key, value);
}

/**
 * candor_element_page_get_answer_row:
 * Returns: (transfer none) (nullable)
 */
GtkWidget *
candor_element_page_get_answer_row (CandorElementPage *self,
                                    const char        *key)
{
  g_return_val_if_fail (CANDOR_IS_ELEMENT_PAGE (self), NULL);
  return candor_answer_rows_get_row (self->answers, key);
}

/**
 * candor_element_page_get_text_field:
 * Returns: (transfer none)
 */
CandorTextField *
candor_element_page_get_text_field (CandorElementPage *self,
                                    CandorTextKind     kind)
{
  g_return_val_if_fail (CANDOR_IS_ELEMENT_PAGE (self), NULL);
  g_return_val_if_fail (kind < CANDOR_N_TEXT_KINDS, NULL);
  return self->fields[kind];
}

void
candor_element_page_flush (CandorElementPage *self)
{
  g_return_if_fail (CANDOR_IS_ELEMENT_PAGE (self));

  update_issues (self);
  for (guint k = 0; k < CANDOR_N_TEXT_KINDS; k++)
    candor_text_field_flush (self->fields[k]);
}

char **
candor_element_page_dup_issue_rules (CandorElementPage *self)
{
  g_return_val_if_fail (CANDOR_IS_ELEMENT_PAGE (self), NULL);
  return g_strdupv (self->issue_rules);
}

/* Building the page. */

static GtkWidget *
wrapped_label (const char *text,
               const char *css)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
  return label;
}

static void
add_intro (CandorElementPage          *self,
           const CandorElementContent *content)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *step = candor_wizard_dup_step_title (self->id);
  GtkWidget *question = wrapped_label (_(content->question), "title-2");

  gtk_box_append (GTK_BOX (box), wrapped_label (step, "dim-label"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (question), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (question), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(content->question), -1);
  gtk_box_append (GTK_BOX (box), question);
  gtk_box_append (GTK_BOX (box), wrapped_label (_(content->why), "body"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));
}

/* The good example speaks of the product's kind ("This smart plug gets security updates"),
 * not always of a camera. */
static void
update_good_example (CandorElementPage *self)
{
  const CandorElementContent *content = candor_element_content_get (self->id);
  const char *category = self->document != NULL ? candor_document_get_category (self->document) : NULL;
  g_autoptr(GString) example = NULL;
  g_autofree char *quoted = NULL;

  if (self->good_example == NULL)
    return;
  /* Replaced, not printf'ed: the template comes from a translation. */
  example = g_string_new (_(content->good));
  g_string_replace (example, "%s", candor_category_get_noun (category), 1);
  quoted = g_strdup_printf ("“%s”", example->str);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->good_example), quoted);
}

static void
add_examples (CandorElementPage          *self,
              const CandorElementContent *content)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *good = adw_action_row_new ();
  GtkWidget *poor = adw_action_row_new ();
  GtkWidget *icon;
  g_autofree char *poor_text = g_strdup_printf ("“%s”", _(content->poor));
  g_autofree char *poor_why = g_strdup_printf (_("Poor: %s"), _(content->poor_why));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Examples"));
  self->good_example = good;
  update_good_example (self);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (good), _("Good: plain, short and specific."));
  icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
  gtk_widget_add_css_class (icon, "success");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Good example"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (good), icon);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (poor), poor_text);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (poor), poor_why);
  icon = gtk_image_new_from_icon_name ("action-unavailable-symbolic");
  gtk_widget_add_css_class (icon, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Poor example"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (poor), icon);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), good);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), poor);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));
}

static void
add_text (CandorElementPage *self,
          CandorTextKind     kind)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *description = NULL;

  if (kind == CANDOR_TEXT_LABEL)
    {
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Label Text"));
      description = g_strdup_printf (_("Printed on the box. Keep sentences to %d words or fewer."),
                                     12);
    }
  else
    {
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Web Text"));
      description = g_strdup_printf (_("On the disclosure web page. Keep sentences to %d words or fewer."),
                                     20);
    }
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  self->fields[kind] = CANDOR_TEXT_FIELD (candor_text_field_new (self->id, kind));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group),
                                           candor_text_field_get_badge (self->fields[kind]));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->fields[kind]));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));
}

static void
candor_element_page_constructed (GObject *object)
{
  CandorElementPage *self = CANDOR_ELEMENT_PAGE (object);
  const CandorElementContent *content = candor_element_content_get (self->id);

  G_OBJECT_CLASS (candor_element_page_parent_class)->constructed (object);

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), candor_element_id_get_title (self->id));
  add_intro (self, content);

  self->answers = candor_answer_rows_new (content->specs, content->n_specs, ADW_PREFERENCES_PAGE (self));

  /* Below the answers and always there (a quiet row when there is nothing): a finding that
   * comes or goes never moves the answer the user just clicked. */
  self->issues_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->issues_group), _("Check These"));
  self->no_issues_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->no_issues_row),
                                 _("Nothing to check in these answers"));
  {
    GtkWidget *icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

    gtk_widget_add_css_class (icon, "dim-label");
    gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("No findings"), -1);
    adw_action_row_add_prefix (ADW_ACTION_ROW (self->no_issues_row), icon);
  }
  gtk_widget_add_css_class (self->no_issues_row, "dim-label");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->issues_group), self->no_issues_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (self->issues_group));

  add_examples (self, content);
  add_text (self, CANDOR_TEXT_LABEL);
  add_text (self, CANDOR_TEXT_WEB);
}

static void
candor_element_page_dispose (GObject *object)
{
  CandorElementPage *self = CANDOR_ELEMENT_PAGE (object);

  g_clear_handle_id (&self->issues_id, g_source_remove);
  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_clear_object (&self->document);
  /* The rows' controller lives until finalize: its widgets may still signal while they go. */
  if (self->answers != NULL)
    candor_answer_rows_set_element (self->answers, NULL);

  G_OBJECT_CLASS (candor_element_page_parent_class)->dispose (object);
}

static void
candor_element_page_finalize (GObject *object)
{
  CandorElementPage *self = CANDOR_ELEMENT_PAGE (object);

  g_clear_pointer (&self->issue_rows, g_ptr_array_unref);
  g_clear_object (&self->answers);
  g_strfreev (self->issue_rules);

  G_OBJECT_CLASS (candor_element_page_parent_class)->finalize (object);
}

enum { PROP_ELEMENT_ID = N_PROPS };

static void
candor_element_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CandorElementPage *self = CANDOR_ELEMENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_ELEMENT_ID:
      g_value_set_uint (value, self->id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candor_element_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CandorElementPage *self = CANDOR_ELEMENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      candor_element_page_set_document (self, g_value_get_object (value));
      break;
    case PROP_ELEMENT_ID:
      self->id = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candor_element_page_class_init (CandorElementPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = candor_element_page_constructed;
  object_class->dispose = candor_element_page_dispose;
  object_class->finalize = candor_element_page_finalize;
  object_class->get_property = candor_element_page_get_property;
  object_class->set_property = candor_element_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CANDOR_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_install_property (object_class, PROP_ELEMENT_ID,
                                   g_param_spec_uint ("candor-element-id", NULL, NULL,
                                                      0, CANDOR_N_ELEMENTS - 1, 0,
                                                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                      G_PARAM_STATIC_STRINGS));
}

static void
candor_element_page_init (CandorElementPage *self)
{
  self->issue_rows = g_ptr_array_new ();
}
