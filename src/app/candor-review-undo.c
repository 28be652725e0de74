/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-review-undo.c: undo and redo of review actions, kept with the document. */

#include "config.h"

#include <glib/gi18n.h>

#include "candor-application.h"
#include "candor-review-undo.h"
#include "candor-window-private.h"

typedef struct
{
  GQueue undo;   /* of CandorReviewSnapshot, newest first */
  GQueue redo;
} Stacks;

static void
stacks_free (gpointer data)
{
  Stacks *stacks = data;

  g_queue_clear_full (&stacks->undo, (GDestroyNotify) candor_review_snapshot_free);
  g_queue_clear_full (&stacks->redo, (GDestroyNotify) candor_review_snapshot_free);
  g_free (stacks);
}

static Stacks *
get_stacks (CandorDocument *document,
            gboolean        create)
{
  Stacks *stacks = g_object_get_data (G_OBJECT (document), "candor-review-undo");

  if (stacks == NULL && create)
    {
      stacks = g_new0 (Stacks, 1);
      g_queue_init (&stacks->undo);
      g_queue_init (&stacks->redo);
      g_object_set_data_full (G_OBJECT (document), "candor-review-undo", stacks, stacks_free);
    }
  return stacks;
}

void
candor_review_undo_record (GtkWidget            *from,
                           CandorDocument       *document,
                           CandorReviewSnapshot *before,
                           const char           *what)
{
  Stacks *stacks;
  GtkWidget *window;

  g_return_if_fail (CANDOR_IS_DOCUMENT (document));
  g_return_if_fail (before != NULL);

  stacks = get_stacks (document, TRUE);
  g_queue_push_head (&stacks->undo, before);
  while (g_queue_get_length (&stacks->undo) > CANDOR_REVIEW_UNDO_DEPTH)
    candor_review_snapshot_free (g_queue_pop_tail (&stacks->undo));
  g_queue_clear_full (&stacks->redo, (GDestroyNotify) candor_review_snapshot_free);

  window = from != NULL ? gtk_widget_get_ancestor (from, CANDOR_TYPE_WINDOW) : NULL;
  if (window != NULL && what != NULL)
    {
      AdwToast *toast = adw_toast_new (what);

      adw_toast_set_button_label (toast, _("Undo"));
      adw_toast_set_action_name (toast, "win.review-undo");
      adw_toast_overlay_add_toast (CANDOR_WINDOW (window)->toast_overlay, toast);
    }
}

gboolean
candor_review_undo_can_undo (CandorDocument *document)
{
  Stacks *stacks = get_stacks (document, FALSE);

  return stacks != NULL && !g_queue_is_empty (&stacks->undo);
}

gboolean
candor_review_undo_can_redo (CandorDocument *document)
{
  Stacks *stacks = get_stacks (document, FALSE);

  return stacks != NULL && !g_queue_is_empty (&stacks->redo);
}

/* Restores the newest snapshot of @from, after pushing the current state on @to. */
static gboolean
step (CandorDocument *document,
      gboolean        undo,
      const char     *by)
{
  Stacks *stacks = get_stacks (document, FALSE);
  CandorReview *review;
  GQueue *from, *to;
  g_autoptr(CandorReviewSnapshot) target = NULL;

  if (stacks == NULL)
    return FALSE;
  from = undo ? &stacks->undo : &stacks->redo;
  to = undo ? &stacks->redo : &stacks->undo;
  if (g_queue_is_empty (from))
    return FALSE;

  review = candor_review_get_for_document (document);
  target = g_queue_pop_head (from);
  g_queue_push_head (to, candor_review_snapshot (review));
  candor_review_restore (review, target, by, NULL);
  return TRUE;
}

gboolean
candor_review_undo_undo (CandorDocument *document,
                         const char     *by)
{
  g_return_val_if_fail (CANDOR_IS_DOCUMENT (document), FALSE);
  return step (document, TRUE, by);
}

gboolean
candor_review_undo_redo (CandorDocument *document,
                         const char     *by)
{
  g_return_val_if_fail (CANDOR_IS_DOCUMENT (document), FALSE);
  return step (document, FALSE, by);
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CandorWindow *window = CANDOR_WINDOW (widget);
  CandorDocument *document = candor_window_get_document (window);
  g_autofree char *by = candor_application_dup_reviewer_name ();
  gboolean undo = g_str_equal (action_name, "win.review-undo");

  if (document == NULL)
    return;
  if (undo ? candor_review_undo_undo (document, by) : candor_review_undo_redo (document, by))
    candor_window_show_toast (window, undo ? _("Review change undone") : _("Review change redone"));
  else
    gtk_widget_error_bell (widget);
}

void
candor_review_undo_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.review-undo", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "win.review-redo", NULL, step_action);
}
