/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-autosave.h: keeps a copy of unsaved work and finds it again after a crash. */
#pragma once

#include <gio/gio.h>

#include "candor-document.h"

G_BEGIN_DECLS

#define CANDOR_AUTOSAVE_DELAY_MS 2000

#define CANDOR_TYPE_AUTOSAVE (candor_autosave_get_type ())
G_DECLARE_FINAL_TYPE (CandorAutosave, candor_autosave, CANDOR, AUTOSAVE, GObject)

/*
 * Watches @document; CANDOR_AUTOSAVE_DELAY_MS after the last change (if the document is
 * dirty) writes it to @drafts_dir/<draft-id>.candor, with a small key file beside it naming
 * the original file. Saving the document (dirty becomes FALSE) removes the draft.
 * @drafts_dir is usually g_get_user_data_dir()/APP_ID/drafts.
 */
CandorAutosave *candor_autosave_new          (CandorDocument *document,
                                              GFile          *drafts_dir);
/* Write now if there is anything unsaved (e.g. before quitting). */
gboolean        candor_autosave_flush        (CandorAutosave *self,
                                              GError        **error);
/* Forget the draft on disk (the user discarded the changes). */
void            candor_autosave_discard      (CandorAutosave *self);
GFile          *candor_autosave_get_draft_file (CandorAutosave *self);

/* A draft found at start-up. */
typedef struct
{
  GFile     *draft;      /* the autosaved copy */
  GFile     *original;   /* the file it was opened from, or NULL for a new disclosure */
  char      *title;      /* product name from the draft */
  GDateTime *saved;      /* when it was autosaved */
} CandorRecoverable;

void        candor_recoverable_free   (CandorRecoverable *r);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CandorRecoverable, candor_recoverable_free)

/* Lists drafts left in @drafts_dir, newest first (array of CandorRecoverable). */
GPtrArray  *candor_autosave_list_recoverable (GFile *drafts_dir);
/* Loads a recoverable draft: the document is dirty and its file is the original's. */
CandorDocument *candor_autosave_recover      (CandorRecoverable *r,
                                              GError           **error);
/* Removes a recoverable draft and its key file. */
void        candor_autosave_delete_recoverable (CandorRecoverable *r);

G_END_DECLS
