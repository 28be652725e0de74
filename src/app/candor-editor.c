/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-editor.c: the wizard: a list of steps beside the current step's page and a preview. */

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "candor-a11y.h"
#include "candor-editor.h"
#include "candor-product-page.h"
#include "candor-split-view.h"
#include "candor-wizard.h"

struct _CandorEditor
{
  GtkWidget        parent_instance;

  GtkWidget        *menu_button;

  CandorDocument  *document;
  gboolean         show_preview;
  /* On a narrow window the previews take the place of the step, behind the toggle button,
   * instead of standing beside it. */
  gboolean         narrow;
  gboolean         narrow_preview_open;

  CandorSplitView *split_view;
  GtkListBox      *steps_list;
  GtkStack        *pages;
  AdwWindowTitle  *window_title;
  GtkWidget       *preview_separator;
  AdwBin          *preview_bin;
  GtkToggleButton *preview_button;
  GtkStack        *start_stack;
  GtkWidget       *step_box;
  GtkStack        *next_stack;
  GtkButton       *export_button;
  gboolean         compact;
  int              preview_width;
};

G_DEFINE_FINAL_TYPE (CandorEditor, candor_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_VISIBLE_PAGE,
  PROP_SHOW_PREVIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define ROW_NAME_KEY   "candor-page-name"
#define ROW_HELP_KEY   "candor-help-page"
#define ROW_STATUS_KEY "candor-status-image"
#define ROW_CAPTION_KEY "candor-status-caption"

static void
add_standard_pages (CandorEditor *self)
{
  candor_editor_add_page (self, "product", _("Product"), "product", candor_product_page_new ());
  /* Element steps (A.1 … B.3) and the review step, in wizard order, with status icons. */
  candor_wizard_add_pages (self);
}

static GtkListBoxRow *
find_row (CandorEditor *self,
          const char   *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->steps_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) &&
          g_strcmp0 (g_object_get_data (G_OBJECT (child), ROW_NAME_KEY), name) == 0)
        return GTK_LIST_BOX_ROW (child);
    }
  return NULL;
}

static void on_preview_button_toggled (CandorEditor *self, GtkToggleButton *button);

#define PREVIEW_MIN_WIDTH 320

static void
update_preview_visibility (CandorEditor *self)
{
  gboolean has_preview = adw_bin_get_child (self->preview_bin) != NULL;
  gboolean open = self->narrow ? self->narrow_preview_open : self->show_preview;
  gboolean shown = has_preview && open;

  gtk_widget_set_visible (GTK_WIDGET (self->preview_button), has_preview);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_bin), shown);
  gtk_widget_set_visible (self->preview_separator, shown && !self->narrow);
  gtk_widget_set_visible (self->step_box, !(shown && self->narrow));
  gtk_widget_set_hexpand (GTK_WIDGET (self->preview_bin), self->narrow);
  /* Beside the step the previews have the width the window gives them, whatever they show
   * (a list of label problems once made them push the step aside as the user typed). An
   * editor outside a CandorWindow, never told a width, sizes them to their content. */
  gtk_widget_set_size_request (GTK_WIDGET (self->preview_bin),
                               self->narrow || self->preview_width < 0 ? PREVIEW_MIN_WIDTH
                                                                       : self->preview_width,
                               -1);
  if (has_preview)
    gtk_scrolled_window_set_propagate_natural_width (
      GTK_SCROLLED_WINDOW (adw_bin_get_child (self->preview_bin)), self->preview_width < 0);

  g_signal_handlers_block_by_func (self->preview_button, on_preview_button_toggled, self);
  gtk_toggle_button_set_active (self->preview_button, open);
  g_signal_handlers_unblock_by_func (self->preview_button, on_preview_button_toggled, self);
}

/* The button shows or hides the previews beside the step on a wide window (a setting kept
 * across sessions), and swaps between step and previews on a narrow one (not kept). */
static void
on_preview_button_toggled (CandorEditor    *self,
                           GtkToggleButton *button)
{
  if (self->narrow)
    {
      self->narrow_preview_open = gtk_toggle_button_get_active (button);
      update_preview_visibility (self);
    }
  else
    candor_editor_set_show_preview (self, gtk_toggle_button_get_active (button));
}

/**
 * candor_editor_set_narrow:
 * @narrow: TRUE when the window is too narrow for the previews beside the step
 *
 * On a narrow window the previews are one click away: the toggle button shows them in place
 * of the step, and choosing a step shows the step again.
 */
void
candor_editor_set_narrow (CandorEditor *self,
                          gboolean      narrow)
{
  g_return_if_fail (CANDOR_IS_EDITOR (self));

  narrow = !!narrow;
  if (self->narrow == narrow)
    return;
  self->narrow = narrow;
  self->narrow_preview_open = FALSE;
  update_preview_visibility (self);
}

/**
 * candor_editor_set_compact:
 * @compact: TRUE when the window is too narrow for Save and Export written out
 *
 * A compact header shows Export as an icon (its tooltip and accessible name stay); Save keeps
 * its name, as the usual save icon reads as "download".
 * This follows the window's width, never the fold, so it cannot make the panes fold.
 */
void
candor_editor_set_compact (CandorEditor *self,
                           gboolean      compact)
{
  g_return_if_fail (CANDOR_IS_EDITOR (self));

  compact = !!compact;
  if (self->compact == compact)
    return;
  self->compact = compact;
  if (compact)
    gtk_button_set_icon_name (self->export_button, "document-send-symbolic");
  else
    gtk_button_set_label (self->export_button, _("_Export…"));
}

/**
 * candor_editor_set_preview_width:
 * @width: the width of the previews beside the step, in pixels (at least 320)
 *
 * Set from the window's width, never from what the previews show, so that the step beside
 * them keeps its place while the user types.
 */
void
candor_editor_set_preview_width (CandorEditor *self,
                                 int           width)
{
  g_return_if_fail (CANDOR_IS_EDITOR (self));

  width = MAX (width, PREVIEW_MIN_WIDTH);
  if (self->preview_width == width)
    return;
  self->preview_width = width;
  update_preview_visibility (self);
}

static void
close_narrow_preview (CandorEditor *self)
{
  if (self->narrow && self->narrow_preview_open)
    {
      self->narrow_preview_open = FALSE;
      update_preview_visibility (self);
    }
}

static void
on_row_selected (CandorEditor  *self,
                 GtkListBoxRow *row,
                 GtkListBox    *list)
{
  const char *name;

  if (row == NULL)
    return;
  name = g_object_get_data (G_OBJECT (row), ROW_NAME_KEY);
  close_narrow_preview (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), name) != 0)
    gtk_stack_set_visible_child_name (self->pages, name);
}

static void
on_row_activated (CandorEditor  *self,
                  GtkListBoxRow *row,
                  GtkListBox    *list)
{
  /* On a narrow window the list and the page share the space: go to the page. */
  candor_split_view_set_show_content (self->split_view, TRUE);
}

/* Back is off on the first step; the last step offers Export where Next was. */
static void
update_step_actions (CandorEditor *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->steps_list);
  int index = row != NULL ? gtk_list_box_row_get_index (row) : 0;
  gboolean last = gtk_list_box_get_row_at_index (self->steps_list, index + 1) == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.previous-step", index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.next-step", !last);
  gtk_stack_set_visible_child_name (self->next_stack, last ? "export" : "next");
}

static void
on_visible_child_changed (CandorEditor *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->pages);
  GtkListBoxRow *row = name != NULL ? find_row (self, name) : NULL;

  if (row != NULL && gtk_list_box_get_selected_row (self->steps_list) != row)
    gtk_list_box_select_row (self->steps_list, row);
  update_step_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_PAGE]);
}

/* Folded, the header's first slot goes back to the steps; side by side it opens a file. */
static void
on_folded_changed (CandorEditor *self)
{
  gtk_stack_set_visible_child_name (self->start_stack,
                                    candor_split_view_get_folded (self->split_view) ? "back" : "open");
}

static void
on_back_clicked (CandorEditor *self)
{
  candor_split_view_set_show_content (self->split_view, FALSE);
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CandorEditor *self = CANDOR_EDITOR (widget);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->steps_list);
  int index = row != NULL ? gtk_list_box_row_get_index (row) : 0;
  GtkListBoxRow *next;

  index += g_str_equal (action_name, "editor.next-step") ? 1 : -1;
  next = index >= 0 ? gtk_list_box_get_row_at_index (self->steps_list, index) : NULL;
  if (next != NULL)
    gtk_list_box_select_row (self->steps_list, next);
}

GtkWidget *
candor_editor_new (void)
{
  return g_object_new (CANDOR_TYPE_EDITOR, NULL);
}

CandorDocument *
candor_editor_get_document (CandorEditor *self)
{
  g_return_val_if_fail (CANDOR_IS_EDITOR (self), NULL);

  return self->document;
}

void
candor_editor_set_document (CandorEditor   *self,
                            CandorDocument *document)
{
  g_return_if_fail (CANDOR_IS_EDITOR (self));
  g_return_if_fail (document == NULL || CANDOR_IS_DOCUMENT (document));

  if (g_set_object (&self->document, document))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

static void
bind_document (CandorEditor *self,
               GtkWidget    *widget)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "document");

  if (pspec != NULL && (pspec->flags & G_PARAM_WRITABLE) != 0 &&
      g_type_is_a (CANDOR_TYPE_DOCUMENT, pspec->value_type))
    g_object_bind_property (self, "document", widget, "document", G_BINDING_SYNC_CREATE);
}

/**
 * candor_editor_add_page:
 * @name: unique id of the step, e.g. "product" or "A1"
 * @title: translated name shown in the list of steps
 * @help_page: (nullable): Mallard page id for F1, e.g. "element-a1"
 * @page: (transfer floating): the step's widget
 *
 * Appends a step. If @page has a "document" property it follows the editor's document.
 */
void
candor_editor_add_page (CandorEditor *self,
                        const char   *name,
                        const char   *title,
                        const char   *help_page,
                        GtkWidget    *page)
{
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *titles;
  GtkWidget *label;
  GtkWidget *caption;
  GtkWidget *status;

  g_return_if_fail (CANDOR_IS_EDITOR (self));
  g_return_if_fail (name != NULL && title != NULL);
  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (find_row (self, name) == NULL);

  gtk_stack_add_titled (self->pages, page, name, title);
  bind_document (self, page);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_widget_set_valign (titles, GTK_ALIGN_CENTER);
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (titles), label);
  /* The review state under the title ("Approval lapsed · 2 open comments"), only when
   * there is one: a draft nobody has reviewed keeps one line a step. */
  caption = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_set_visible (caption, FALSE);
  gtk_box_append (GTK_BOX (titles), caption);
  gtk_box_append (GTK_BOX (box), titles);
  status = gtk_image_new ();
  gtk_widget_set_visible (status, FALSE);
  gtk_box_append (GTK_BOX (box), status);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), ROW_NAME_KEY, g_strdup (name), g_free);
  g_object_set_data_full (G_OBJECT (row), ROW_HELP_KEY, g_strdup (help_page), g_free);
  g_object_set_data (G_OBJECT (row), ROW_STATUS_KEY, status);
  g_object_set_data (G_OBJECT (row), ROW_CAPTION_KEY, caption);
  gtk_list_box_append (self->steps_list, row);

  if (gtk_list_box_get_selected_row (self->steps_list) == NULL)
    gtk_list_box_select_row (self->steps_list, GTK_LIST_BOX_ROW (row));
  update_step_actions (self);
}

GtkWidget *
candor_editor_get_page (CandorEditor *self,
                        const char   *name)
{
  g_return_val_if_fail (CANDOR_IS_EDITOR (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return gtk_stack_get_child_by_name (self->pages, name);
}

const char *
candor_editor_get_visible_page (CandorEditor *self)
{
  g_return_val_if_fail (CANDOR_IS_EDITOR (self), NULL);

  return gtk_stack_get_visible_child_name (self->pages);
}

void
candor_editor_set_visible_page (CandorEditor *self,
                                const char   *name)
{
  g_return_if_fail (CANDOR_IS_EDITOR (self));
  g_return_if_fail (name != NULL);

  if (gtk_stack_get_child_by_name (self->pages, name) == NULL)
    {
      g_critical ("No editor step named “%s”", name);
      return;
    }
  close_narrow_preview (self);
  gtk_stack_set_visible_child_name (self->pages, name);
}

const char *
candor_editor_get_help_page (CandorEditor *self)
{
  const char *name;
  GtkListBoxRow *row;
  const char *help;

  g_return_val_if_fail (CANDOR_IS_EDITOR (self), NULL);

  name = gtk_stack_get_visible_child_name (self->pages);
  row = name != NULL ? find_row (self, name) : NULL;
  help = row != NULL ? g_object_get_data (G_OBJECT (row), ROW_HELP_KEY) : NULL;
  return help != NULL ? help : "index";
}

void
candor_editor_set_page_status (CandorEditor *self,
                               const char   *name,
                               const char   *icon_name,
                               const char   *description)
{
  GtkListBoxRow *row;
  GtkWidget *status;

  g_return_if_fail (CANDOR_IS_EDITOR (self));
  g_return_if_fail (name != NULL);

  row = find_row (self, name);
  g_return_if_fail (row != NULL);

  status = g_object_get_data (G_OBJECT (row), ROW_STATUS_KEY);
  gtk_image_set_from_icon_name (GTK_IMAGE (status), icon_name);
  gtk_widget_set_visible (status, icon_name != NULL);
  gtk_widget_set_tooltip_text (status, description);
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * candor_editor_set_page_caption:
 * @caption: (nullable): a short line shown under the step's title; NULL hides it
 *
 * Used for the review state of a step. Screen readers get it with the step's
 * description (candor_editor_set_page_status() is given both).
 */
void
candor_editor_set_page_caption (CandorEditor *self,
                                const char   *name,
                                const char   *caption)
{
  GtkListBoxRow *row;
  GtkWidget *label;

  g_return_if_fail (CANDOR_IS_EDITOR (self));
  g_return_if_fail (name != NULL);

  row = find_row (self, name);
  g_return_if_fail (row != NULL);
  label = g_object_get_data (G_OBJECT (row), ROW_CAPTION_KEY);
  gtk_label_set_text (GTK_LABEL (label), caption != NULL ? caption : "");
  gtk_widget_set_visible (label, caption != NULL && caption[0] != '\0');
}

/* The caption candor_editor_set_page_caption() gave the step @name, or NULL. */
const char *
candor_editor_get_page_caption (CandorEditor *self,
                                const char   *name)
{
  GtkListBoxRow *row;
  GtkWidget *label;

  g_return_val_if_fail (CANDOR_IS_EDITOR (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  row = find_row (self, name);
  if (row == NULL)
    return NULL;
  label = g_object_get_data (G_OBJECT (row), ROW_CAPTION_KEY);
  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

const char *
candor_editor_get_page_status (CandorEditor *self,
                               const char   *name)
{
  GtkListBoxRow *row;
  GtkWidget *status;

  g_return_val_if_fail (CANDOR_IS_EDITOR (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  row = find_row (self, name);
  if (row == NULL)
    return NULL;
  status = g_object_get_data (G_OBJECT (row), ROW_STATUS_KEY);
  return gtk_widget_get_visible (status) ? gtk_widget_get_tooltip_text (status) : NULL;
}

/**
 * candor_editor_set_preview:
 * @preview: (nullable) (transfer floating): widget shown beside the steps, e.g. label and web
 *   previews in a stack
 */
void
candor_editor_set_preview (CandorEditor *self,
                           GtkWidget    *preview)
{
  g_return_if_fail (CANDOR_IS_EDITOR (self));
  g_return_if_fail (preview == NULL || GTK_IS_WIDGET (preview));

  if (preview != NULL)
    {
      /* The previews' toolbar is wider than a phone-sized window: let it scroll sideways
       * there rather than force the window wider. */
      GtkWidget *scroller = gtk_scrolled_window_new ();

      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), preview);
      gtk_accessible_update_property (GTK_ACCESSIBLE (scroller), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Previews"), -1);
      adw_bin_set_child (self->preview_bin, scroller);
      bind_document (self, preview);
    }
  else
    adw_bin_set_child (self->preview_bin, NULL);
  update_preview_visibility (self);
}

gboolean
candor_editor_get_show_preview (CandorEditor *self)
{
  g_return_val_if_fail (CANDOR_IS_EDITOR (self), FALSE);

  return self->show_preview;
}

void
candor_editor_set_show_preview (CandorEditor *self,
                                gboolean      show_preview)
{
  g_return_if_fail (CANDOR_IS_EDITOR (self));

  show_preview = !!show_preview;
  if (self->show_preview == show_preview)
    return;
  self->show_preview = show_preview;
  update_preview_visibility (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_PREVIEW]);
}

void
candor_editor_set_title (CandorEditor *self,
                         const char   *title,
                         const char   *subtitle)
{
  g_return_if_fail (CANDOR_IS_EDITOR (self));

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
candor_editor_dispose (GObject *object)
{
  CandorEditor *self = CANDOR_EDITOR (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CANDOR_TYPE_EDITOR);
  /* The template's root is not a bound child, so it is not unparented for us. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (candor_editor_parent_class)->dispose (object);
}

static void
candor_editor_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CandorEditor *self = CANDOR_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_VISIBLE_PAGE:
      g_value_set_string (value, candor_editor_get_visible_page (self));
      break;
    case PROP_SHOW_PREVIEW:
      g_value_set_boolean (value, self->show_preview);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candor_editor_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CandorEditor *self = CANDOR_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      candor_editor_set_document (self, g_value_get_object (value));
      break;
    case PROP_VISIBLE_PAGE:
      candor_editor_set_visible_page (self, g_value_get_string (value));
      break;
    case PROP_SHOW_PREVIEW:
      candor_editor_set_show_preview (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candor_editor_class_init (CandorEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = candor_editor_dispose;
  object_class->get_property = candor_editor_get_property;
  object_class->set_property = candor_editor_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CANDOR_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VISIBLE_PAGE] =
    g_param_spec_string ("visible-page", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_PREVIEW] =
    g_param_spec_boolean ("show-preview", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CANDOR_TYPE_SPLIT_VIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/candor-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CandorEditor, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CandorEditor, split_view);
  gtk_widget_class_bind_template_child (widget_class, CandorEditor, steps_list);
  gtk_widget_class_bind_template_child (widget_class, CandorEditor, pages);
  gtk_widget_class_bind_template_child (widget_class, CandorEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, CandorEditor, preview_separator);
  gtk_widget_class_bind_template_child (widget_class, CandorEditor, preview_bin);
  gtk_widget_class_bind_template_child (widget_class, CandorEditor, preview_button);
  gtk_widget_class_bind_template_child (widget_class, CandorEditor, start_stack);
  gtk_widget_class_bind_template_child (widget_class, CandorEditor, step_box);
  gtk_widget_class_bind_template_child (widget_class, CandorEditor, next_stack);
  gtk_widget_class_bind_template_child (widget_class, CandorEditor, export_button);
  gtk_widget_class_bind_template_callback (widget_class, on_preview_button_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_child_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);

  gtk_widget_class_install_action (widget_class, "editor.next-step", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "editor.previous-step", NULL, step_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "editor.next-step", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "editor.previous-step", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_ALT_MASK,
                                       "editor.next-step", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_ALT_MASK,
                                       "editor.previous-step", NULL);
}

static void
candor_editor_init (CandorEditor *self)
{
  self->show_preview = TRUE;
  self->preview_width = -1;

  gtk_widget_init_template (GTK_WIDGET (self));
  candor_a11y_name_menu_button (GTK_MENU_BUTTON (self->menu_button), _("Main Menu"));

  g_signal_connect_object (self->split_view, "notify::folded", G_CALLBACK (on_folded_changed),
                           self, G_CONNECT_SWAPPED);
  on_folded_changed (self);

  add_standard_pages (self);
  update_preview_visibility (self);
  update_step_actions (self);
}
