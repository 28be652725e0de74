/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-preview-pane.c: the label and web page previews, one above the other, with the
 * template, size and zoom controls and the label's problems. */

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>
#include <math.h>

#include "candor-label-template.h"
#include "candor-preview-pane.h"

struct _CandorPreviewPane
{
  GtkWidget           parent_instance;

  CandorDocument     *document;

  GtkDropDown        *template_dropdown;
  GtkDropDown        *size_dropdown;
  GtkStringList      *sizes;
  GtkMenuButton      *zoom_button;
  CandorLabelPreview *label_preview;
  GtkRevealer        *problems_revealer;
  GtkListBox         *problems_list;
  CandorWebPreview   *web_preview;
  char               *step;
  guint               filling_sizes : 1;
};

G_DEFINE_FINAL_TYPE (CandorPreviewPane, candor_preview_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_STEP,
  N_PROPS
};

enum {
  PROBLEM_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const double zoom_steps[] = { 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0 };

#define ROW_SECTION_KEY "candor-section"

GtkWidget *
candor_preview_pane_new (void)
{
  return g_object_new (CANDOR_TYPE_PREVIEW_PANE, NULL);
}

CandorDocument *
candor_preview_pane_get_document (CandorPreviewPane *self)
{
  g_return_val_if_fail (CANDOR_IS_PREVIEW_PANE (self), NULL);
  return self->document;
}

void
candor_preview_pane_set_document (CandorPreviewPane *self,
                                  CandorDocument    *document)
{
  g_return_if_fail (CANDOR_IS_PREVIEW_PANE (self));
  g_return_if_fail (document == NULL || CANDOR_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;
  candor_label_preview_set_document (self->label_preview, document);
  candor_web_preview_set_document (self->web_preview, document);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

const char *
candor_preview_pane_get_step (CandorPreviewPane *self)
{
  g_return_val_if_fail (CANDOR_IS_PREVIEW_PANE (self), NULL);
  return self->step;
}

/* The web page follows the step: the product step shows its top, an element's step that
 * element's section; other steps (the review) leave it where it is. */
void
candor_preview_pane_set_step (CandorPreviewPane *self,
                              const char        *step)
{
  CandorElementId id;

  g_return_if_fail (CANDOR_IS_PREVIEW_PANE (self));

  if (g_strcmp0 (self->step, step) == 0)
    return;
  g_free (self->step);
  self->step = g_strdup (step);
  if (g_strcmp0 (step, "product") == 0)
    candor_web_preview_set_section (self->web_preview, "top");
  else if (step != NULL && candor_element_id_from_key (step, &id))
    candor_web_preview_set_section (self->web_preview, candor_element_id_to_key (id));
  else
    candor_web_preview_set_section (self->web_preview, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

CandorLabelPreview *
candor_preview_pane_get_label_preview (CandorPreviewPane *self)
{
  g_return_val_if_fail (CANDOR_IS_PREVIEW_PANE (self), NULL);
  return self->label_preview;
}

CandorWebPreview *
candor_preview_pane_get_web_preview (CandorPreviewPane *self)
{
  g_return_val_if_fail (CANDOR_IS_PREVIEW_PANE (self), NULL);
  return self->web_preview;
}

/* ---- template, size and zoom ---------------------------------------------------------- */

static const CandorLabelTemplate *
selected_template (CandorPreviewPane *self)
{
  const char * const *ids = candor_label_template_list_ids ();
  guint index = gtk_drop_down_get_selected (self->template_dropdown);

  if (index >= g_strv_length ((char **) ids))
    return NULL;
  return candor_label_template_lookup (ids[index], NULL);
}

static void
fill_sizes (CandorPreviewPane *self)
{
  const CandorLabelTemplate *tmpl = selected_template (self);
  guint n = tmpl != NULL ? candor_label_template_get_n_sizes (tmpl) : 0;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const CandorLabelSize *current = NULL;
  guint selected = 0;

  if (tmpl != NULL)
    current = candor_label_template_lookup_size (tmpl,
                                                 candor_label_preview_get_size_id (self->label_preview),
                                                 NULL);
  for (guint i = 0; i < n; i++)
    {
      const CandorLabelSize *size = candor_label_template_get_size (tmpl, i);

      g_ptr_array_add (names, candor_label_size_dup_display_name (size));
      if (size == current)
        selected = i;
    }
  g_ptr_array_add (names, NULL);

  self->filling_sizes = TRUE;
  gtk_string_list_splice (self->sizes, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->sizes)),
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->size_dropdown, selected);
  self->filling_sizes = FALSE;
}

static void
on_template_selected (CandorPreviewPane *self)
{
  const CandorLabelTemplate *tmpl = selected_template (self);

  if (tmpl == NULL)
    return;
  candor_label_preview_set_template_id (self->label_preview, candor_label_template_get_id (tmpl));
  fill_sizes (self);
}

static void
on_size_selected (CandorPreviewPane *self)
{
  const CandorLabelTemplate *tmpl = selected_template (self);
  guint index = gtk_drop_down_get_selected (self->size_dropdown);

  if (self->filling_sizes || tmpl == NULL || index >= candor_label_template_get_n_sizes (tmpl))
    return;
  candor_label_preview_set_size_id (self->label_preview,
                                    candor_label_template_get_size (tmpl, index)->id);
}

static void
update_zoom_label (CandorPreviewPane *self)
{
  double zoom = candor_label_preview_get_zoom (self->label_preview);
  g_autofree char *text = NULL;

  if (zoom <= 0)
    text = g_strdup (C_("zoom", "Fit"));
  else
    /* Translators: a zoom level, e.g. "150 %" */
    text = g_strdup_printf (_("%d %%"), (int) lround (zoom * 100));
  gtk_menu_button_set_label (self->zoom_button, text);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CandorPreviewPane *self = CANDOR_PREVIEW_PANE (widget);
  double zoom = candor_label_preview_get_effective_zoom (self->label_preview);
  double next = zoom;

  if (g_str_equal (action_name, "preview.zoom"))
    next = g_variant_get_double (parameter);
  else if (g_str_equal (action_name, "preview.zoom-in"))
    {
      next = zoom_steps[G_N_ELEMENTS (zoom_steps) - 1];
      for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
        if (zoom_steps[i] > zoom + 0.01)
          {
            next = zoom_steps[i];
            break;
          }
    }
  else
    {
      next = zoom_steps[0];
      for (guint i = G_N_ELEMENTS (zoom_steps); i > 0; i--)
        if (zoom_steps[i - 1] < zoom - 0.01)
          {
            next = zoom_steps[i - 1];
            break;
          }
    }
  candor_label_preview_set_zoom (self->label_preview, next);
}

/* ---- problems ----------------------------------------------------------------------- */

static char *
describe_problem (const CandorLabelProblem *problem)
{
  CandorElementId id;

  if (problem->section != NULL && candor_element_id_from_key (problem->section, &id))
    return g_strdup_printf ("%s %s", candor_element_id_to_display (id),
                            candor_element_id_get_title (id));
  if (g_strcmp0 (problem->key, "name") == 0)
    return g_strdup (_("Product name"));
  if (g_strcmp0 (problem->key, "models") == 0)
    return g_strdup (_("Model numbers"));
  if (g_strcmp0 (problem->key, "manufacturer") == 0)
    return g_strdup (_("Manufacturer"));
  if (g_strcmp0 (problem->key, "url") == 0)
    return g_strdup (_("Web address"));
  return g_strdup (_("Product"));
}

static void
on_label_updated (CandorPreviewPane *self)
{
  GPtrArray *problems = candor_label_preview_get_problems (self->label_preview);
  GtkWidget *child;
  guint n = problems != NULL ? problems->len : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))) != NULL)
    gtk_list_box_remove (self->problems_list, child);

  for (guint i = 0; i < n; i++)
    {
      const CandorLabelProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *title = describe_problem (problem);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), problem->message);
      gtk_widget_add_css_class (icon, "error");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), ROW_SECTION_KEY,
                              g_strdup (problem->section != NULL ? problem->section : "product"),
                              g_free);
      gtk_list_box_append (self->problems_list, row);
    }
  gtk_revealer_set_reveal_child (self->problems_revealer, n > 0);
}

static void
on_problem_activated (CandorPreviewPane *self,
                      GtkListBoxRow     *row)
{
  g_signal_emit (self, signals[PROBLEM_ACTIVATED], 0,
                 g_object_get_data (G_OBJECT (row), ROW_SECTION_KEY));
}

/* ---- construction ------------------------------------------------------------------- */

static GtkWidget *
build_toolbar (CandorPreviewPane *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autoptr(GtkStringList) templates = gtk_string_list_new (NULL);
  g_autoptr(GMenu) zoom_menu = g_menu_new ();
  const char * const *ids = candor_label_template_list_ids ();
  GtkWidget *zoom_box, *button;
  const struct { const char *label; double zoom; } zooms[] = {
    { N_("Fit"), 0.0 }, { N_("100 %"), 1.0 }, { N_("200 %"), 2.0 },
  };

  gtk_widget_add_css_class (bar, "toolbar");

  for (guint i = 0; ids[i] != NULL; i++)
    gtk_string_list_append (templates,
                            candor_label_template_get_name (candor_label_template_lookup (ids[i], NULL)));
  self->template_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (templates)), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->template_dropdown), _("Label template"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->template_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Label template"), -1);
  g_signal_connect_swapped (self->template_dropdown, "notify::selected",
                            G_CALLBACK (on_template_selected), self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->template_dropdown));

  self->sizes = gtk_string_list_new (NULL);
  self->size_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->sizes)), NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->size_dropdown), TRUE);
  gtk_widget_set_halign (GTK_WIDGET (self->size_dropdown), GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->size_dropdown), _("Label size"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->size_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Label size"), -1);
  g_signal_connect_swapped (self->size_dropdown, "notify::selected",
                            G_CALLBACK (on_size_selected), self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->size_dropdown));

  zoom_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (zoom_box, "linked");
  button = gtk_button_new_from_icon_name ("zoom-out-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "preview.zoom-out");
  gtk_widget_set_tooltip_text (button, _("Zoom out (Ctrl+−)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Zoom out"), -1);
  gtk_box_append (GTK_BOX (zoom_box), button);

  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(zooms[i].label), NULL);

      g_menu_item_set_action_and_target_value (item, "preview.zoom",
                                               g_variant_new_double (zooms[i].zoom));
      g_menu_append_item (zoom_menu, item);
    }
  self->zoom_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_menu_model (self->zoom_button, G_MENU_MODEL (zoom_menu));
  gtk_menu_button_set_always_show_arrow (self->zoom_button, FALSE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->zoom_button), _("Zoom"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->zoom_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Zoom level"), -1);
  gtk_box_append (GTK_BOX (zoom_box), GTK_WIDGET (self->zoom_button));

  button = gtk_button_new_from_icon_name ("zoom-in-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "preview.zoom-in");
  gtk_widget_set_tooltip_text (button, _("Zoom in (Ctrl+plus)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Zoom in"), -1);
  gtk_box_append (GTK_BOX (zoom_box), button);
  gtk_box_append (GTK_BOX (bar), zoom_box);

  return bar;
}

static GtkShortcutController *
build_shortcuts (void)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  const struct { guint key; const char *action; const char *target; } keys[] = {
    { GDK_KEY_plus, "preview.zoom-in", NULL },
    { GDK_KEY_equal, "preview.zoom-in", NULL },
    { GDK_KEY_KP_Add, "preview.zoom-in", NULL },
    { GDK_KEY_minus, "preview.zoom-out", NULL },
    { GDK_KEY_KP_Subtract, "preview.zoom-out", NULL },
    { GDK_KEY_0, "preview.zoom", "0.0" },
  };

  /* Global: the zoom keys work while typing in the wizard beside the preview. */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcutAction *action = gtk_named_action_new (keys[i].action);
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, GDK_CONTROL_MASK),
                                                action);

      if (keys[i].target != NULL)
        gtk_shortcut_set_arguments (shortcut, g_variant_new_double (g_ascii_strtod (keys[i].target, NULL)));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  return GTK_SHORTCUT_CONTROLLER (controller);
}

static void
candor_preview_pane_dispose (GObject *object)
{
  CandorPreviewPane *self = CANDOR_PREVIEW_PANE (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->sizes);
  g_clear_object (&self->document);
  g_clear_pointer (&self->step, g_free);

  G_OBJECT_CLASS (candor_preview_pane_parent_class)->dispose (object);
}

static void
candor_preview_pane_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CandorPreviewPane *self = CANDOR_PREVIEW_PANE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_STEP:
      g_value_set_string (value, self->step);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candor_preview_pane_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CandorPreviewPane *self = CANDOR_PREVIEW_PANE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      candor_preview_pane_set_document (self, g_value_get_object (value));
      break;
    case PROP_STEP:
      candor_preview_pane_set_step (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candor_preview_pane_class_init (CandorPreviewPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = candor_preview_pane_dispose;
  object_class->get_property = candor_preview_pane_get_property;
  object_class->set_property = candor_preview_pane_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CANDOR_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STEP] =
    g_param_spec_string ("step", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[PROBLEM_ACTIVATED] =
    g_signal_new ("problem-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom", "d", zoom_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "preview-pane");
}

static void
candor_preview_pane_init (CandorPreviewPane *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_VERTICAL);
  GtkWidget *label_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *problems_box;

  gtk_widget_set_parent (box, GTK_WIDGET (self));
  gtk_box_append (GTK_BOX (box), build_toolbar (self));
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  self->label_preview = CANDOR_LABEL_PREVIEW (candor_label_preview_new ());
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (scroller), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Label preview"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (paned), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Label and web page previews"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->label_preview));
  gtk_box_append (GTK_BOX (label_box), scroller);
  g_signal_connect_object (self->label_preview, "updated", G_CALLBACK (on_label_updated), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->label_preview, "notify::zoom", G_CALLBACK (update_zoom_label),
                           self, G_CONNECT_SWAPPED);

  /* The "too long" report, right under the label, naming the element. */
  self->problems_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->problems_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->problems_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->problems_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Label problems"), -1);
  g_signal_connect_object (self->problems_list, "row-activated",
                           G_CALLBACK (on_problem_activated), self, G_CONNECT_SWAPPED);
  problems_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_margin_start (problems_box, 12);
  gtk_widget_set_margin_end (problems_box, 12);
  gtk_widget_set_margin_bottom (problems_box, 12);
  gtk_box_append (GTK_BOX (problems_box), GTK_WIDGET (self->problems_list));
  self->problems_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->problems_revealer, problems_box);
  gtk_box_append (GTK_BOX (label_box), GTK_WIDGET (self->problems_revealer));

  self->web_preview = CANDOR_WEB_PREVIEW (candor_web_preview_new ());
  gtk_paned_set_start_child (GTK_PANED (paned), label_box);
  gtk_paned_set_end_child (GTK_PANED (paned), GTK_WIDGET (self->web_preview));
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_position (GTK_PANED (paned), 420);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_box_append (GTK_BOX (box), paned);

  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (build_shortcuts ()));

  fill_sizes (self);
  update_zoom_label (self);
}
