/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * candor-alert: one way to ask the user a short question, whatever libadwaita provides.
 * libadwaita 1.5 and later: an AdwAlertDialog (a dialog inside the window, a bottom sheet on a
 * narrow one); older: an AdwMessageDialog (a window of its own, deprecated since 1.6).
 * Both emit "response" (const char *response) with the response id as detail, and both answer
 * the close response (Escape) like any other.
 */

GtkWidget  *candor_alert_new                     (const char            *heading,
                                                  const char            *body);
void        candor_alert_add_response            (GtkWidget             *alert,
                                                  const char            *id,
                                                  const char            *label);
void        candor_alert_set_response_appearance (GtkWidget             *alert,
                                                  const char            *id,
                                                  AdwResponseAppearance  appearance);
void        candor_alert_set_default_response    (GtkWidget             *alert,
                                                  const char            *id);
void        candor_alert_set_close_response      (GtkWidget             *alert,
                                                  const char            *id);
void        candor_alert_set_extra_child         (GtkWidget             *alert,
                                                  GtkWidget             *child);
void        candor_alert_present                 (GtkWidget             *alert,
                                                  GtkWidget             *parent);

/* For tests and for code that must know what is on screen. */
GtkWidget  *candor_alert_find                    (GtkWidget             *parent);
const char *candor_alert_get_heading             (GtkWidget             *alert);
const char *candor_alert_get_body                (GtkWidget             *alert);
GtkWidget  *candor_alert_get_extra_child         (GtkWidget             *alert);
gboolean    candor_alert_has_response            (GtkWidget             *alert,
                                                  const char            *id);
const char *candor_alert_get_close_response      (GtkWidget             *alert);
void        candor_alert_response                (GtkWidget             *alert,
                                                  const char            *id);

G_END_DECLS
