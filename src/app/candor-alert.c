/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "candor-alert.h"

/* AdwAlertDialog arrived in libadwaita 1.5 and AdwMessageDialog is deprecated from 1.6: the
 * newer API is used wherever it exists, and this file is the only place that knows both. */
#if ADW_CHECK_VERSION (1, 5, 0)
#define ALERT(w) ADW_ALERT_DIALOG (w)
#define ALERT_CALL(name) adw_alert_dialog_##name
#else
#define ALERT(w) ADW_MESSAGE_DIALOG (w)
#define ALERT_CALL(name) adw_message_dialog_##name
#endif

GtkWidget *
candor_alert_new (const char *heading,
                  const char *body)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  return GTK_WIDGET (adw_alert_dialog_new (heading, body));
#else
  return adw_message_dialog_new (NULL, heading, body);
#endif
}

void
candor_alert_add_response (GtkWidget  *alert,
                           const char *id,
                           const char *label)
{
  ALERT_CALL (add_response) (ALERT (alert), id, label);
}

void
candor_alert_set_response_appearance (GtkWidget             *alert,
                                      const char            *id,
                                      AdwResponseAppearance  appearance)
{
  ALERT_CALL (set_response_appearance) (ALERT (alert), id, appearance);
}

void
candor_alert_set_default_response (GtkWidget  *alert,
                                   const char *id)
{
  ALERT_CALL (set_default_response) (ALERT (alert), id);
}

void
candor_alert_set_close_response (GtkWidget  *alert,
                                 const char *id)
{
  ALERT_CALL (set_close_response) (ALERT (alert), id);
}

void
candor_alert_set_extra_child (GtkWidget *alert,
                              GtkWidget *child)
{
  ALERT_CALL (set_extra_child) (ALERT (alert), child);
}

/* @parent: any widget of the window the question is about. */
void
candor_alert_present (GtkWidget *alert,
                      GtkWidget *parent)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_present (ADW_DIALOG (alert), parent);
#else
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (alert), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (alert));
#endif
}

/* The alert shown over @parent's window, or NULL. */
GtkWidget *
candor_alert_find (GtkWidget *parent)
{
  GtkRoot *root = gtk_widget_get_root (parent);

#if ADW_CHECK_VERSION (1, 5, 0)
  AdwDialog *dialog = NULL;

  if (ADW_IS_APPLICATION_WINDOW (root))
    dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (root));
  else if (ADW_IS_WINDOW (root))
    dialog = adw_window_get_visible_dialog (ADW_WINDOW (root));
  return ADW_IS_ALERT_DIALOG (dialog) ? GTK_WIDGET (dialog) : NULL;
#else
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && root != NULL &&
          gtk_window_get_transient_for (window) == GTK_WINDOW (root) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WIDGET (window);
    }
  return NULL;
#endif
}

const char *
candor_alert_get_heading (GtkWidget *alert)
{
  return ALERT_CALL (get_heading) (ALERT (alert));
}

const char *
candor_alert_get_body (GtkWidget *alert)
{
  return ALERT_CALL (get_body) (ALERT (alert));
}

GtkWidget *
candor_alert_get_extra_child (GtkWidget *alert)
{
  return ALERT_CALL (get_extra_child) (ALERT (alert));
}

gboolean
candor_alert_has_response (GtkWidget  *alert,
                           const char *id)
{
  return ALERT_CALL (has_response) (ALERT (alert), id);
}

const char *
candor_alert_get_close_response (GtkWidget *alert)
{
  return ALERT_CALL (get_close_response) (ALERT (alert));
}

#if ADW_CHECK_VERSION (1, 5, 0)
static gboolean
has_label (GtkWidget  *widget,
           const char *label)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), label) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, label))
      return TRUE;
  return FALSE;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  /* The dialog keeps a row and a column of buttons and shows one of them: take the shown one. */
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) && has_label (widget, label))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}
#endif

/* Answers the alert as a click on @id's button does (and closes it). */
void
candor_alert_response (GtkWidget  *alert,
                       const char *id)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  /* AdwAlertDialog has no public "respond" call: press the response's own button, so the
   * dialog emits the response and closes exactly as on a click (and not the close response). */
  const char *label = adw_alert_dialog_get_response_label (ADW_ALERT_DIALOG (alert), id);
  GtkWidget *button = label != NULL ? find_button (alert, label) : NULL;

  g_return_if_fail (button != NULL);
  gtk_widget_activate (button);
#else
  /* What the dialog's own button does: the response, then the dialog goes (held until then:
   * a response handler may drop the last other reference). */
  g_object_ref (alert);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (alert), id);
  gtk_window_destroy (GTK_WINDOW (alert));
  g_object_unref (alert);
#endif
}
