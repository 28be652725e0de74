/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-start-page.c: what a window shows before a disclosure is open. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "candor-a11y.h"
#include "candor-format.h"
#include "candor-start-page.h"

#define MAX_RECENT 8

struct _CandorStartPage
{
  GtkWidget         parent_instance;

  GtkWidget        *menu_button;

  GtkRecentManager *recent_manager;
  guint             n_recent;

  GtkWidget        *recent_group;
  GtkListBox       *recent_list;
};

G_DEFINE_FINAL_TYPE (CandorStartPage, candor_start_page, GTK_TYPE_WIDGET)

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo **) a;
  GtkRecentInfo *info_b = *(GtkRecentInfo **) b;

  /* Newest first. */
  return g_date_time_compare (gtk_recent_info_get_modified (info_b),
                              gtk_recent_info_get_modified (info_a));
}

static GtkWidget *
create_recent_row (GtkRecentInfo *info)
{
  const char *uri = gtk_recent_info_get_uri (info);
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *folder = NULL;
  g_autofree char *title = NULL;
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = g_filename_display_name (basename);
  g_autofree char *where = NULL;
  const char *home = g_get_home_dir ();
  GtkWidget *row;
  GtkWidget *arrow;

  if (parent != NULL && g_file_is_native (parent))
    {
      g_autofree char *path = g_file_get_path (parent);
      if (g_str_has_prefix (path, home) && (path[strlen (home)] == '/' || path[strlen (home)] == '\0'))
        folder = g_strconcat ("~", path + strlen (home), NULL);
      else
        folder = g_steal_pointer (&path);
    }
  else
    folder = g_file_get_parse_name (parent != NULL ? parent : file);

  title = g_markup_escape_text (gtk_recent_info_get_display_name (info), -1);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* Two drafts of the same product have the same title: the file name and its folder tell
   * them apart. */
  /* Translators: a recent draft's file name and its folder, e.g. "camera.candor in ~/Drafts". */
  where = g_strdup_printf (_("%s in %s"), name, folder);
  {
    g_autofree char *escaped = g_markup_escape_text (where, -1);
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  }
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-uri");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", uri);
  {
    g_autofree char *parse_name = g_file_get_parse_name (file);
    gtk_widget_set_tooltip_text (row, parse_name);
  }

  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (arrow),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open"),
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  return row;
}

static void
reload_recent (CandorStartPage *self)
{
  GList *items = gtk_recent_manager_get_items (self->recent_manager);
  g_autoptr(GPtrArray) drafts = g_ptr_array_new ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (g_strcmp0 (gtk_recent_info_get_mime_type (info), CANDOR_MIME_TYPE) == 0 &&
          gtk_recent_info_exists (info))
        g_ptr_array_add (drafts, info);
    }
  g_ptr_array_sort (drafts, compare_recent);

  self->n_recent = MIN (drafts->len, MAX_RECENT);
  for (guint i = 0; i < self->n_recent; i++)
    gtk_list_box_append (self->recent_list, create_recent_row (g_ptr_array_index (drafts, i)));
  gtk_widget_set_visible (self->recent_group, self->n_recent > 0);

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

GtkWidget *
candor_start_page_new (void)
{
  return g_object_new (CANDOR_TYPE_START_PAGE, NULL);
}

guint
candor_start_page_get_n_recent (CandorStartPage *self)
{
  g_return_val_if_fail (CANDOR_IS_START_PAGE (self), 0);

  return self->n_recent;
}

static void
candor_start_page_dispose (GObject *object)
{
  CandorStartPage *self = CANDOR_START_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CANDOR_TYPE_START_PAGE);
  /* The template's root is not a bound child, so it is not unparented for us. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->recent_manager);

  G_OBJECT_CLASS (candor_start_page_parent_class)->dispose (object);
}

static void
candor_start_page_class_init (CandorStartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = candor_start_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/candor-start-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CandorStartPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CandorStartPage, recent_group);
  gtk_widget_class_bind_template_child (widget_class, CandorStartPage, recent_list);
}

static void
candor_start_page_init (CandorStartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  candor_a11y_name_menu_button (GTK_MENU_BUTTON (self->menu_button), _("Main Menu"));

  self->recent_manager = g_object_ref (gtk_recent_manager_get_default ());
  g_signal_connect_object (self->recent_manager, "changed",
                           G_CALLBACK (reload_recent), self, G_CONNECT_SWAPPED);
  reload_recent (self);
}
