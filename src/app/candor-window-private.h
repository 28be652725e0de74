/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-window-private.h: the window's state, shared by candor-window.c and its actions. */
#pragma once

#include "candor-editor.h"
#include "candor-start-page.h"
#include "candor-window.h"

G_BEGIN_DECLS

struct _CandorWindow
{
  AdwApplicationWindow parent_instance;

  CandorDocument  *document;
  CandorAutosave  *autosave;
  GSettings       *settings;
  GCancellable    *cancellable;
  guint            saving : 1;
  /* The user answered the unsaved-changes question: the next close goes through. */
  guint            close_confirmed : 1;

  AdwToastOverlay *toast_overlay;
  GtkStack        *main_stack;
  CandorStartPage *start_page;
  CandorEditor    *editor;
};

/* candor-window-actions.c */
void candor_window_class_add_actions  (GtkWidgetClass *widget_class);
void candor_window_update_actions     (CandorWindow   *self);
/* Asks what to do with unsaved changes; closes the window if the user saves or discards. */
void candor_window_confirm_close      (CandorWindow   *self);

G_END_DECLS
