/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-split-view.c: sidebar + content that folds into one pane on narrow windows. */

#include "config.h"

#include <adwaita.h>

#include "candor-split-view.h"

struct _CandorSplitView
{
  GtkWidget   parent_instance;

  AdwLeaflet *leaflet;
  GtkWidget  *sidebar_bin;
  GtkWidget  *content_bin;
  GtkWidget  *separator;
};

G_DEFINE_FINAL_TYPE (CandorSplitView, candor_split_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SIDEBAR,
  PROP_CONTENT,
  PROP_SHOW_CONTENT,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_leaflet_notify (CandorSplitView *self,
                   GParamSpec      *pspec,
                   AdwLeaflet      *leaflet)
{
  if (g_strcmp0 (pspec->name, "folded") == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
  else if (g_strcmp0 (pspec->name, "visible-child") == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_CONTENT]);
}

GtkWidget *
candor_split_view_new (void)
{
  return g_object_new (CANDOR_TYPE_SPLIT_VIEW, NULL);
}

GtkWidget *
candor_split_view_get_sidebar (CandorSplitView *self)
{
  g_return_val_if_fail (CANDOR_IS_SPLIT_VIEW (self), NULL);

  return adw_bin_get_child (ADW_BIN (self->sidebar_bin));
}

void
candor_split_view_set_sidebar (CandorSplitView *self,
                               GtkWidget       *sidebar)
{
  g_return_if_fail (CANDOR_IS_SPLIT_VIEW (self));
  g_return_if_fail (sidebar == NULL || GTK_IS_WIDGET (sidebar));

  if (candor_split_view_get_sidebar (self) == sidebar)
    return;
  adw_bin_set_child (ADW_BIN (self->sidebar_bin), sidebar);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDEBAR]);
}

GtkWidget *
candor_split_view_get_content (CandorSplitView *self)
{
  g_return_val_if_fail (CANDOR_IS_SPLIT_VIEW (self), NULL);

  return adw_bin_get_child (ADW_BIN (self->content_bin));
}

void
candor_split_view_set_content (CandorSplitView *self,
                               GtkWidget       *content)
{
  g_return_if_fail (CANDOR_IS_SPLIT_VIEW (self));
  g_return_if_fail (content == NULL || GTK_IS_WIDGET (content));

  if (candor_split_view_get_content (self) == content)
    return;
  adw_bin_set_child (ADW_BIN (self->content_bin), content);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT]);
}

gboolean
candor_split_view_get_show_content (CandorSplitView *self)
{
  g_return_val_if_fail (CANDOR_IS_SPLIT_VIEW (self), FALSE);

  return adw_leaflet_get_visible_child (self->leaflet) == self->content_bin;
}

void
candor_split_view_set_show_content (CandorSplitView *self,
                                    gboolean         show_content)
{
  g_return_if_fail (CANDOR_IS_SPLIT_VIEW (self));

  /* The leaflet notifies visible-child, which we forward. */
  adw_leaflet_set_visible_child (self->leaflet,
                                 show_content ? self->content_bin : self->sidebar_bin);
}

gboolean
candor_split_view_get_folded (CandorSplitView *self)
{
  g_return_val_if_fail (CANDOR_IS_SPLIT_VIEW (self), FALSE);

  return adw_leaflet_get_folded (self->leaflet);
}

static void
candor_split_view_dispose (GObject *object)
{
  CandorSplitView *self = CANDOR_SPLIT_VIEW (object);

  if (self->leaflet != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->leaflet));
      self->leaflet = NULL;
    }

  G_OBJECT_CLASS (candor_split_view_parent_class)->dispose (object);
}

static void
candor_split_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CandorSplitView *self = CANDOR_SPLIT_VIEW (object);

  switch (prop_id)
    {
    case PROP_SIDEBAR:
      g_value_set_object (value, candor_split_view_get_sidebar (self));
      break;
    case PROP_CONTENT:
      g_value_set_object (value, candor_split_view_get_content (self));
      break;
    case PROP_SHOW_CONTENT:
      g_value_set_boolean (value, candor_split_view_get_show_content (self));
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, candor_split_view_get_folded (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candor_split_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CandorSplitView *self = CANDOR_SPLIT_VIEW (object);

  switch (prop_id)
    {
    case PROP_SIDEBAR:
      candor_split_view_set_sidebar (self, g_value_get_object (value));
      break;
    case PROP_CONTENT:
      candor_split_view_set_content (self, g_value_get_object (value));
      break;
    case PROP_SHOW_CONTENT:
      candor_split_view_set_show_content (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candor_split_view_class_init (CandorSplitViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = candor_split_view_dispose;
  object_class->get_property = candor_split_view_get_property;
  object_class->set_property = candor_split_view_set_property;

  properties[PROP_SIDEBAR] =
    g_param_spec_object ("sidebar", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_CONTENT] =
    g_param_spec_boolean ("show-content", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "splitview");
}

static void
candor_split_view_init (CandorSplitView *self)
{
  AdwLeafletPage *page;

  self->leaflet = ADW_LEAFLET (adw_leaflet_new ());
  adw_leaflet_set_can_navigate_back (self->leaflet, TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->leaflet), GTK_WIDGET (self));

  self->sidebar_bin = adw_bin_new ();
  gtk_widget_add_css_class (self->sidebar_bin, "sidebar-pane");
  adw_leaflet_append (self->leaflet, self->sidebar_bin);

  self->separator = gtk_separator_new (GTK_ORIENTATION_VERTICAL);
  gtk_widget_add_css_class (self->separator, "sidebar");
  page = adw_leaflet_append (self->leaflet, self->separator);
  adw_leaflet_page_set_navigatable (page, FALSE);

  self->content_bin = adw_bin_new ();
  gtk_widget_set_hexpand (self->content_bin, TRUE);
  adw_leaflet_append (self->leaflet, self->content_bin);
  adw_leaflet_set_visible_child (self->leaflet, self->content_bin);

  g_signal_connect_object (self->leaflet, "notify", G_CALLBACK (on_leaflet_notify), self,
                           G_CONNECT_SWAPPED);
}
