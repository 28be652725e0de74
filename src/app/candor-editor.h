/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-editor.h: the wizard: a list of steps beside the current step's page and a preview. */
#pragma once

#include <gtk/gtk.h>

#include "candor-document.h"

G_BEGIN_DECLS

#define CANDOR_TYPE_EDITOR (candor_editor_get_type ())
G_DECLARE_FINAL_TYPE (CandorEditor, candor_editor, CANDOR, EDITOR, GtkWidget)

/*
 * Properties:
 *   document: CandorDocument (nullable), passed on to every page that has a "document" property
 *   visible-page: string, name of the step shown
 *   show-preview: boolean, whether the preview pane (if any) is shown
 *
 * Adding a step: write a widget with a writable "document" property (CandorDocument) and
 * add it in add_standard_pages() in candor-editor.c, in wizard order:
 *   candor_editor_add_page (self, "A1", _("A.1 Receives Updates"), "element-a1", page);
 * The step list shows the title, F1 opens help:candor/<help_page>, Alt+Right / Left (and
 * Alt+Page Down / Up) and the Back / Next bar below the page move
 * between steps, and candor_editor_set_page_status() puts a status icon beside a step.
 * Adding a preview: candor_editor_set_preview (self, widget) in the same function; a
 * "document" property on the widget is kept in sync, a header button (bound to the
 * "show-previews" setting) shows or hides it.
 */

GtkWidget      *candor_editor_new              (void);
CandorDocument *candor_editor_get_document     (CandorEditor *self);
void            candor_editor_set_document     (CandorEditor   *self,
                                                CandorDocument *document);

void            candor_editor_add_page         (CandorEditor *self,
                                                const char   *name,
                                                const char   *title,
                                                const char   *help_page,
                                                GtkWidget    *page);
GtkWidget      *candor_editor_get_page         (CandorEditor *self,
                                                const char   *name);
const char     *candor_editor_get_visible_page (CandorEditor *self);
void            candor_editor_set_visible_page (CandorEditor *self,
                                                const char   *name);
/* Yelp page id of the visible step ("index" when the step has none), for help:candor/<id>. */
const char     *candor_editor_get_help_page    (CandorEditor *self);
/* A small status icon beside a step in the list (e.g. "emblem-ok-symbolic"), with the
 * text read by screen readers; NULL clears it. */
void            candor_editor_set_page_status  (CandorEditor *self,
                                                const char   *name,
                                                const char   *icon_name,
                                                const char   *description);
/* The description candor_editor_set_page_status() gave the step @name, or NULL. */
const char     *candor_editor_get_page_status  (CandorEditor *self,
                                                const char   *name);
/* A short line under the step's title (its review state); NULL hides it. */
void            candor_editor_set_page_caption (CandorEditor *self,
                                                const char   *name,
                                                const char   *caption);
const char     *candor_editor_get_page_caption (CandorEditor *self,
                                                const char   *name);

void            candor_editor_set_preview      (CandorEditor *self,
                                                GtkWidget    *preview);
gboolean        candor_editor_get_show_preview (CandorEditor *self);
void            candor_editor_set_narrow       (CandorEditor *self,
                                                gboolean      narrow);
void            candor_editor_set_preview_width (CandorEditor *self,
                                                 int           width);
void            candor_editor_set_compact      (CandorEditor *self,
                                                gboolean      compact);
void            candor_editor_set_show_preview (CandorEditor *self,
                                                gboolean      show_preview);

/* The header shows the document's title and where it is saved. */
void            candor_editor_set_title        (CandorEditor *self,
                                                const char   *title,
                                                const char   *subtitle);

G_END_DECLS
