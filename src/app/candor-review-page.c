/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-review-page.c: the last wizard step: every element's status, grades and what is left. */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "candor-analysis-cache.h"
#include "candor-editor.h"
#include "candor-readability.h"
#include "candor-review-page.h"
#include "candor-wizard.h"

struct _CandorReviewPage
{
  AdwPreferencesPage  parent_instance;

  CandorDocument     *document;
  gulong              changed_id;
  gulong              analysed_id;  /* a long text's worker thread is done */
  guint               update_id;
  gboolean            stale;       /* changed while hidden: updated when shown */

  GtkWidget          *summary;
  GtkWidget          *left_group;
  GPtrArray          *left_rows;
  GtkWidget          *findings_group;
  GPtrArray          *finding_rows;
  GtkWidget          *product_row;
  GtkWidget          *product_icon;
  GtkWidget          *rows[CANDOR_N_ELEMENTS];
  GtkWidget          *icons[CANDOR_N_ELEMENTS];
};

G_DEFINE_FINAL_TYPE (CandorReviewPage, candor_review_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
go_to (GtkWidget  *from,
       const char *name)
{
  GtkWidget *editor = gtk_widget_get_ancestor (from, CANDOR_TYPE_EDITOR);

  if (editor != NULL)
    candor_editor_set_visible_page (CANDOR_EDITOR (editor), name);
}

static void
on_row_activated (AdwActionRow *row)
{
  go_to (GTK_WIDGET (row), g_object_get_data (G_OBJECT (row), "candor-page"));
}

static void add_findings (CandorReviewPage *self,
                          CandorElementId   id,
                          CandorTextKind    kind,
                          GPtrArray        *findings);

/* "Label: 9 words, grade 4, 1 open finding", from the analysis readiness used. */
static char *
describe_text (CandorReviewPage *self,
               CandorReadiness  *readiness,
               CandorTextKind    kind,
               guint            *n_findings)
{
  CandorElement *element = candor_document_get_element (self->document, readiness->id);
  const char *text = candor_element_get_text (element, kind);
  CandorTextAnalysis *analysis = readiness->analyses[kind];
  GPtrArray *findings = readiness->open_findings[kind];
  const char *what = kind == CANDOR_TEXT_LABEL ? _("Label") : _("Web");
  g_autofree char *grade_text = NULL;
  g_autofree char *findings_text = NULL;
  g_autofree char *words_text = NULL;
  double grade;
  guint words;
  guint n_blocking = 0;

  *n_findings = 0;
  if (text == NULL || text[0] == '\0')
    return g_strdup_printf (_("%s: no text"), what);
  if (analysis == NULL || findings == NULL)
    /* Translators: "Web: checking…", while a long text is analysed in the background */
    return g_strdup_printf (_("%s: checking…"), what);

  *n_findings = findings->len;
  add_findings (self, readiness->id, kind, findings);
  words = candor_text_analysis_get_counts (analysis)->words;
  if (candor_text_analysis_get_grade (analysis, &grade))
    grade_text = g_strdup_printf (_("grade %d"), (int) MAX (0, ceil (grade)));
  else
    grade_text = g_strdup (_("too short for a grade"));
  words_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words", words), words);
  for (guint i = 0; i < findings->len; i++)
    if (candor_readiness_finding_blocks (((CandorFinding *) g_ptr_array_index (findings, i))->rule))
      n_blocking++;
  if (n_blocking > 0 && n_blocking < findings->len)
    /* Translators: "15 open findings, 5 that block" (the others are advice) */
    findings_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open findings, %u that blocks",
                                                  "%u open findings, %u that block", n_blocking),
                                     findings->len, n_blocking);
  else
    findings_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open finding",
                                                  "%u open findings", findings->len),
                                     findings->len);
  /* Translators: "Label: 9 words, grade 4, 1 open finding" */
  return g_strdup_printf (_("%s: %s, %s, %s"), what, words_text, grade_text, findings_text);
}

static void
add_jump_row (GtkWidget  *group,
              GPtrArray  *rows,
              const char *icon_name,
              const char *css,
              const char *where,
              const char *page,
              const char *message)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), message);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
  gtk_widget_add_css_class (icon, css);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "candor-page", g_strdup (page), g_free);
  g_signal_connect (row, "activated", G_CALLBACK (on_row_activated), NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_ptr_array_add (rows, row);
}

static void
add_left (CandorReviewPage *self,
          const char       *icon_name,
          const char       *css,
          const char       *where,
          const char       *page,
          const char       *message)
{
  add_jump_row (self->left_group, self->left_rows, icon_name, css, where, page, message);
}

/* A finding's row title: its message, after the quoted words unless the message already
 * quotes them (“firmware” is technical; …), so that no row says the same words twice. */
static char *
finding_title (const CandorFinding *f)
{
  g_autofree char *quoted = g_strdup_printf ("“%s”", f->quote);
  g_autofree char *quote = NULL;

  if (f->quote == NULL || f->quote[0] == '\0' || strstr (f->message, quoted) != NULL)
    return g_strdup (f->message);
  if (g_utf8_strlen (f->quote, -1) > 48)
    {
      g_autofree char *start = g_strndup (f->quote, g_utf8_offset_to_pointer (f->quote, 47) - f->quote);
      quote = g_strdup_printf ("%s…", g_strchomp (start));
    }
  else
    quote = g_strdup (f->quote);
  /* Translators: a finding in the review list: “the quoted words”: the message */
  return g_strdup_printf (_("“%s”: %s"), quote, f->message);
}

/* The open readability findings of one text, as rows that lead to its page. */
static void
add_findings (CandorReviewPage *self,
              CandorElementId   id,
              CandorTextKind    kind,
              GPtrArray        *findings)
{
  g_autofree char *step = candor_wizard_dup_step_title (id);
  g_autofree char *where = g_strdup_printf (kind == CANDOR_TEXT_LABEL ? _("%s · label text")
                                                                      : _("%s · web text"), step);

  for (guint i = 0; i < findings->len; i++)
    {
      CandorFinding *f = g_ptr_array_index (findings, i);
      g_autofree char *title = finding_title (f);
      gboolean blocks = candor_readiness_finding_blocks (f->rule);

      add_jump_row (self->findings_group, self->finding_rows,
                    blocks ? "dialog-warning-symbolic" : "tools-check-spelling-symbolic",
                    blocks ? "warning" : "accent", where, candor_element_id_to_key (id), title);
    }
}

static void
set_status_icon (GtkWidget  *icon,
                 const char *icon_name,
                 const char *description)
{
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_name);
  gtk_widget_remove_css_class (icon, "success");
  gtk_widget_remove_css_class (icon, "warning");
  gtk_widget_remove_css_class (icon, "accent");
  gtk_widget_add_css_class (icon, g_str_equal (icon_name, "emblem-ok-symbolic") ? "success"
                                  : g_str_equal (icon_name, "dialog-warning-symbolic") ? "warning"
                                  : "accent");
  gtk_widget_set_tooltip_text (icon, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

static void
update (CandorReviewPage *self)
{
  g_autoptr(CandorReadinessReport) report = NULL;
  guint n_findings_total = 0;
  gboolean product_ok;
  gboolean all_ready;
  g_autofree char *summary = NULL;

  g_clear_handle_id (&self->update_id, g_source_remove);
  self->stale = FALSE;
  for (guint i = 0; i < self->left_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->left_group),
                                  g_ptr_array_index (self->left_rows, i));
  g_ptr_array_set_size (self->left_rows, 0);
  for (guint i = 0; i < self->finding_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->findings_group),
                                  g_ptr_array_index (self->finding_rows, i));
  g_ptr_array_set_size (self->finding_rows, 0);
  if (self->document == NULL)
    return;

  /* Product. */
  product_ok = candor_document_get_manufacturer (self->document)[0] != '\0' &&
               candor_document_get_product_name (self->document)[0] != '\0' &&
               candor_document_get_url (self->document)[0] != '\0';
  {
    g_autofree char *title = candor_document_dup_title (self->document);
    const char *url = candor_document_get_url (self->document);
    g_autofree char *subtitle = g_strdup_printf ("%s · %s", title,
                                                 url[0] != '\0' ? url : _("no web address yet"));
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->product_row), subtitle);
  }
  set_status_icon (self->product_icon, product_ok ? "emblem-ok-symbolic" : "document-edit-symbolic",
                   product_ok ? _("Ready") : _("Missing answers"));
  if (!product_ok)
    add_left (self, "document-edit-symbolic", "accent", _("Product"), "product",
              _("Give the manufacturer, the product name and the disclosure web address."));

  /* Elements: what blocks each, from the same definition of "ready" as check and export. */
  report = candor_wizard_check_readiness (self->document);
  for (CandorElementId id = 0; id < CANDOR_N_ELEMENTS; id++)
    {
      CandorReadiness *readiness = report->elements[id];

      for (guint i = 0; i < readiness->reasons->len; i++)
        {
          CandorBlockReason *reason = g_ptr_array_index (readiness->reasons, i);
          g_autofree char *where = candor_wizard_dup_step_title (id);
          const char *icon = reason->kind == CANDOR_BLOCK_MISSING || reason->kind == CANDOR_BLOCK_EMPTY_TEXT
                               ? "document-edit-symbolic"
                               : reason->kind == CANDOR_BLOCK_NOT_CHECKED ? "content-loading-symbolic"
                               : reason->kind == CANDOR_BLOCK_PROBLEM ? "dialog-error-symbolic"
                               : "dialog-warning-symbolic";
          const char *css = reason->kind == CANDOR_BLOCK_PROBLEM ? "error"
                            : reason->kind == CANDOR_BLOCK_FINDINGS || reason->kind == CANDOR_BLOCK_GRADE
                              ? "warning" : "accent";

          /* A problem of several elements is listed once, under the first. */
          if (reason->owner != id)
            continue;
          add_left (self, icon, css, where, candor_element_id_to_key (id), reason->message);
        }
    }
  for (guint i = 0; i < report->general->len; i++)
    {
      CandorBlockReason *reason = g_ptr_array_index (report->general, i);
      add_left (self, "dialog-error-symbolic", "error", _("Answers"), "A1", reason->message);
    }

  for (CandorElementId id = 0; id < CANDOR_N_ELEMENTS; id++)
    {
      CandorReadiness *readiness = report->elements[id];
      guint n_label, n_web;
      g_autofree char *label = describe_text (self, readiness, CANDOR_TEXT_LABEL, &n_label);
      g_autofree char *web = describe_text (self, readiness, CANDOR_TEXT_WEB, &n_web);
      g_autofree char *description = candor_wizard_dup_status_description (readiness);
      GString *subtitle = g_string_new (candor_readiness_status_describe (readiness->status));

      /* The row says what blocks, one reason a line, then the two texts. */
      if (readiness->status != CANDOR_READINESS_UNCHECKED)
        for (guint i = 0; i < readiness->reasons->len; i++)
          g_string_append_printf (subtitle, "\n%s",
                                  ((CandorBlockReason *) g_ptr_array_index (readiness->reasons, i))->message);
      {
        g_autofree char *review = candor_wizard_dup_review_description (self->document, id, TRUE);
        /* Translators: the review line of an element on the review page: "Review: Approval lapsed" */
        g_string_append_c (subtitle, '\n');
        g_string_append_printf (subtitle, _("Review: %s"), review);
      }
      g_string_append_printf (subtitle, "\n%s\n%s", label, web);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->rows[id]), subtitle->str);
      g_string_free (subtitle, TRUE);
      set_status_icon (self->icons[id], candor_wizard_status_icon (readiness->status), description);
      n_findings_total += n_label + n_web;
    }
  all_ready = report->ready && product_ok;

  if (all_ready)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Every element is ready for export. %u readability finding is still open as advice: look at it, fix it or dismiss it with a reason.",
                                            "Every element is ready for export. %u readability findings are still open as advice: look at them, fix them or dismiss them with a reason.",
                                            n_findings_total), n_findings_total);
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u thing is left before export. Select it to go to its page.",
                                            "%u things are left before export. Select one to go to its page.",
                                            self->left_rows->len), self->left_rows->len);
  if (all_ready && n_findings_total == 0)
    {
      g_free (summary);
      summary = g_strdup (_("Every element is ready for export, with no open readability findings."));
    }
  gtk_label_set_text (GTK_LABEL (self->summary), summary);
  gtk_widget_set_visible (self->left_group, self->left_rows->len > 0);
  gtk_widget_set_visible (self->findings_group, self->finding_rows->len > 0);
}

static gboolean
update_idle (gpointer data)
{
  CandorReviewPage *self = data;

  self->update_id = 0;
  update (self);
  return G_SOURCE_REMOVE;
}

static void
on_document_changed (CandorReviewPage *self)
{
  /* Hidden, the page would rebuild a row per finding on every keystroke for nobody (at
   * 20,000 characters that was most of a keystroke's cost): it catches up when shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  if (self->update_id == 0)
    self->update_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, update_idle, self, NULL);
}

GtkWidget *
candor_review_page_new (void)
{
  return g_object_new (CANDOR_TYPE_REVIEW_PAGE, NULL);
}

CandorDocument *
candor_review_page_get_document (CandorReviewPage *self)
{
  g_return_val_if_fail (CANDOR_IS_REVIEW_PAGE (self), NULL);
  return self->document;
}

void
candor_review_page_set_document (CandorReviewPage *self,
                                 CandorDocument   *document)
{
  g_return_if_fail (CANDOR_IS_REVIEW_PAGE (self));
  g_return_if_fail (document == NULL || CANDOR_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  if (self->document != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->document);
      g_clear_signal_handler (&self->analysed_id, candor_analysis_cache_get_for_document (self->document));
    }
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      self->changed_id = g_signal_connect_swapped (document, "changed",
                                                   G_CALLBACK (on_document_changed), self);
      self->analysed_id = g_signal_connect_swapped (candor_analysis_cache_get_for_document (document),
                                                    "analysed", G_CALLBACK (on_document_changed), self);
    }
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

void
candor_review_page_flush (CandorReviewPage *self)
{
  g_return_if_fail (CANDOR_IS_REVIEW_PAGE (self));
  update (self);
}

/**
 * candor_review_page_get_row:
 * Returns: (transfer none) (nullable)
 */
GtkWidget *
candor_review_page_get_row (CandorReviewPage *self,
                            const char       *name)
{
  CandorElementId id;

  g_return_val_if_fail (CANDOR_IS_REVIEW_PAGE (self), NULL);

  if (g_strcmp0 (name, "product") == 0)
    return self->product_row;
  if (name != NULL && candor_element_id_from_key (name, &id))
    return self->rows[id];
  return NULL;
}

guint
candor_review_page_get_n_findings (CandorReviewPage *self)
{
  g_return_val_if_fail (CANDOR_IS_REVIEW_PAGE (self), 0);
  return self->finding_rows->len;
}

guint
candor_review_page_get_n_left (CandorReviewPage *self)
{
  g_return_val_if_fail (CANDOR_IS_REVIEW_PAGE (self), 0);
  return self->left_rows->len;
}

/**
 * candor_review_page_get_finding_row:
 * Returns: (transfer none) (nullable)
 */
GtkWidget *
candor_review_page_get_finding_row (CandorReviewPage *self,
                                    guint             index)
{
  g_return_val_if_fail (CANDOR_IS_REVIEW_PAGE (self), NULL);
  return index < self->finding_rows->len ? g_ptr_array_index (self->finding_rows, index) : NULL;
}

/**
 * candor_review_page_get_left_row:
 * Returns: (transfer none) (nullable)
 */
GtkWidget *
candor_review_page_get_left_row (CandorReviewPage *self,
                                 guint             index)
{
  g_return_val_if_fail (CANDOR_IS_REVIEW_PAGE (self), NULL);
  return index < self->left_rows->len ? g_ptr_array_index (self->left_rows, index) : NULL;
}

static GtkWidget *
new_jump_row (const char  *title,
              const char  *page,
              GtkWidget  **out_icon)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  *out_icon = gtk_image_new ();
  gtk_widget_set_valign (*out_icon, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), *out_icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "candor-page", g_strdup (page), g_free);
  g_signal_connect (row, "activated", G_CALLBACK (on_row_activated), NULL);
  return row;
}

static void
candor_review_page_dispose (GObject *object)
{
  CandorReviewPage *self = CANDOR_REVIEW_PAGE (object);

  g_clear_handle_id (&self->update_id, g_source_remove);
  if (self->document != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->document);
      g_clear_signal_handler (&self->analysed_id, candor_analysis_cache_get_for_document (self->document));
    }
  g_clear_object (&self->document);

  G_OBJECT_CLASS (candor_review_page_parent_class)->dispose (object);
}

static void
candor_review_page_finalize (GObject *object)
{
  CandorReviewPage *self = CANDOR_REVIEW_PAGE (object);

  g_clear_pointer (&self->left_rows, g_ptr_array_unref);
  g_clear_pointer (&self->finding_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (candor_review_page_parent_class)->finalize (object);
}

static void
candor_review_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CandorReviewPage *self = CANDOR_REVIEW_PAGE (object);

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
candor_review_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CandorReviewPage *self = CANDOR_REVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      candor_review_page_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candor_review_page_map (GtkWidget *widget)
{
  CandorReviewPage *self = CANDOR_REVIEW_PAGE (widget);

  if (self->stale)
    update (self);
  GTK_WIDGET_CLASS (candor_review_page_parent_class)->map (widget);
}

static void
candor_review_page_class_init (CandorReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = candor_review_page_dispose;
  object_class->finalize = candor_review_page_finalize;
  object_class->get_property = candor_review_page_get_property;
  object_class->set_property = candor_review_page_set_property;
  widget_class->map = candor_review_page_map;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CANDOR_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
candor_review_page_init (CandorReviewPage *self)
{
  GtkWidget *intro = adw_preferences_group_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (_("Review"));
  GtkWidget *group = adw_preferences_group_new ();

  self->left_rows = g_ptr_array_new ();
  self->finding_rows = g_ptr_array_new ();
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Review"));

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-2");
  gtk_box_append (GTK_BOX (box), title);
  self->summary = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->summary), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->summary), 0);
  gtk_box_append (GTK_BOX (box), self->summary);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (intro), box);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (intro));

  self->left_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->left_group), _("Left to Do"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (self->left_group));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Elements"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Status, what keeps each element from being ready, and the word count, reading grade and open readability findings of each text. Select a row to edit it."));
  self->product_row = new_jump_row (_("Product"), "product", &self->product_icon);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->product_row);
  for (CandorElementId id = 0; id < CANDOR_N_ELEMENTS; id++)
    {
      g_autofree char *row_title = candor_wizard_dup_step_title (id);
      self->rows[id] = new_jump_row (row_title, candor_element_id_to_key (id), &self->icons[id]);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self->rows[id]), 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->rows[id]);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));

  self->findings_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->findings_group),
                                   _("Open Readability Findings"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->findings_group),
                                         _("Each finding marked with a warning sign keeps its element from being ready: fix it, or dismiss it with a reason on its page. The others are advice and do not stop the export."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (self->findings_group));
}
