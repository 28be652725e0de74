/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-review.h: the legal review of a draft: comments, statuses, approvals, the log. */
#pragma once

#include <gio/gio.h>

#include "candor-comment.h"
#include "candor-document.h"
#include "candor-word-diff.h"

G_BEGIN_DECLS

#define CANDOR_REVIEW_ERROR (candor_review_error_quark ())
GQuark candor_review_error_quark (void);

typedef enum
{
  CANDOR_REVIEW_ERROR_NOT_FOUND,    /* no such comment, or the quote is not in the field */
  CANDOR_REVIEW_ERROR_INVALID,      /* an empty name or body, a span outside the text, … */
  CANDOR_REVIEW_ERROR_STATE,        /* e.g. revoking an approval that is not there */
  CANDOR_REVIEW_ERROR_LIMIT,        /* the draft holds as many comments or log entries as it may */
} CandorReviewError;

/* The loader's bounds (data/schema/candor-draft.schema.json). */
#define CANDOR_REVIEW_MAX_COMMENTS     2000
#define CANDOR_REVIEW_MAX_REPLIES      200
#define CANDOR_REVIEW_MAX_LOG          5000

typedef enum
{
  CANDOR_REVIEW_STATUS_DRAFT,
  CANDOR_REVIEW_STATUS_NEEDS_WORK,
  CANDOR_REVIEW_STATUS_READY,
  CANDOR_REVIEW_STATUS_APPROVED,
} CandorReviewStatus;

/* "draft", "needs-work", "ready", "approved" (as in the file) */
const char *candor_review_status_to_key (CandorReviewStatus status);

/**
 * CandorElementReview:
 * @status: as stored
 * @lapsed: @status is APPROVED but what reaches the buyer has changed since
 * @approved_by, @approved_at, @approved_digest: (nullable): set while approved
 * @changed_by, @changed_at: (nullable): who set @status, and when
 *
 * A copy of one element's review state.
 */
typedef struct
{
  CandorReviewStatus  status;
  gboolean            lapsed;
  char               *approved_by;
  char               *approved_at;
  char               *approved_digest;
  char               *changed_by;
  char               *changed_at;
} CandorElementReview;

void candor_element_review_free (CandorElementReview *state);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CandorElementReview, candor_element_review_free)

#define CANDOR_TYPE_REVIEW (candor_review_get_type ())
G_DECLARE_FINAL_TYPE (CandorReview, candor_review, CANDOR, REVIEW, GObject)

/*
 * Everything lives in the draft's "review" section (the document owns it; this object
 * reads and changes it there), so saving, autosave, "dirty" and the document's
 * "changed::review" signal work for review changes as for any other edit.
 *
 * Signals:
 *   "changed" (detailed by what: "comments", "elements", "log", "anchors"; NULL detail
 *   when the whole section was replaced): void handler (CandorReview *, const char *what)
 */

/**
 * candor_review_get_for_document:
 *
 * The review of @document, created on first use and kept with the document. From then
 * on, comment anchors follow every change of the texts (the document's "text-edited"):
 * a typed edit moves them (see candor_anchor_apply_edit()); a generated text re-finds each
 * by its quote, nearest to where it was, and detaches those it cannot find. On creation,
 * and whenever the whole section is replaced (candor_document_set_review(), undo), any
 * anchor whose quote is not the text under it is re-found the same way.
 * Returns: (transfer none)
 */
CandorReview   *candor_review_get_for_document (CandorDocument *document);
CandorDocument *candor_review_get_document     (CandorReview   *self);

/* Comments. @when NULL means now; the returned id is unique in the draft. */
char           *candor_review_add_text_comment (CandorReview    *self,
                                                CandorElementId  element,
                                                CandorTextKind   field,
                                                guint            start,
                                                guint            end,
                                                const char      *author,
                                                const char      *body,
                                                GDateTime       *when,
                                                GError         **error);
/* The quote's @occurrence-th place in the field (from 1); NOT_FOUND naming the field if it
 * does not occur that often. */
char           *candor_review_add_quote_comment (CandorReview    *self,
                                                 CandorElementId  element,
                                                 CandorTextKind   field,
                                                 const char      *quote,
                                                 guint            occurrence,
                                                 const char      *author,
                                                 const char      *body,
                                                 GDateTime       *when,
                                                 GError         **error);
/* @answer: a key of the element's answers ("end_date"); NULL for the whole element. */
char           *candor_review_add_comment      (CandorReview    *self,
                                                CandorElementId  element,
                                                const char      *answer,
                                                const char      *author,
                                                const char      *body,
                                                GDateTime       *when,
                                                GError         **error);
gboolean        candor_review_reply            (CandorReview    *self,
                                                const char      *comment_id,
                                                const char      *author,
                                                const char      *body,
                                                GDateTime       *when,
                                                GError         **error);
gboolean        candor_review_resolve          (CandorReview    *self,
                                                const char      *comment_id,
                                                const char      *by,
                                                GDateTime       *when,
                                                GError         **error);
gboolean        candor_review_reopen           (CandorReview    *self,
                                                const char      *comment_id,
                                                const char      *by,
                                                GDateTime       *when,
                                                GError         **error);
/* (transfer full) (element-type CandorComment): of @element, or of all when @element is -1 */
GPtrArray      *candor_review_list_comments    (CandorReview    *self,
                                                int              element);
CandorComment  *candor_review_get_comment      (CandorReview    *self,
                                                const char      *comment_id);
guint           candor_review_count_open       (CandorReview    *self,
                                                int              element);

/* Statuses. Each change is logged (who, when, from, to). */
CandorReviewStatus candor_review_get_status    (CandorReview    *self,
                                                CandorElementId  element);
gboolean        candor_review_is_lapsed        (CandorReview    *self,
                                                CandorElementId  element);
/* TRUE when approved and not lapsed */
gboolean        candor_review_is_approved      (CandorReview    *self,
                                                CandorElementId  element);
CandorElementReview *candor_review_get_element_review (CandorReview *self,
                                                CandorElementId  element);
/* needs-work, with @request as a comment on the whole element; returns its id */
char           *candor_review_request_changes  (CandorReview    *self,
                                                CandorElementId  element,
                                                const char      *by,
                                                const char      *request,
                                                GDateTime       *when,
                                                GError         **error);
gboolean        candor_review_mark_ready       (CandorReview    *self,
                                                CandorElementId  element,
                                                const char      *by,
                                                GDateTime       *when,
                                                GError         **error);
/* From any status. Records reviewer, time, the digest and the approved content (so
 * candor_review_changes_since_approval() can show the difference). Approving an element
 * already approved and not lapsed changes nothing and returns TRUE. */
gboolean        candor_review_approve          (CandorReview    *self,
                                                CandorElementId  element,
                                                const char      *by,
                                                GDateTime       *when,
                                                GError         **error);
/* Withdraws an approval (lapsed or not): the element goes back to ready. */
gboolean        candor_review_revoke           (CandorReview    *self,
                                                CandorElementId  element,
                                                const char      *by,
                                                const char      *reason,
                                                GDateTime       *when,
                                                GError         **error);

/**
 * candor_review_changes_since_approval:
 * @field: label or web text
 *
 * Word by word, from the text as approved to the text now.
 * Returns: (transfer full) (nullable) (element-type CandorDiffRun): NULL when the element
 *   is not approved, or its approval has no approved content to compare with (written by
 *   another tool: approved_digest alone)
 */
GPtrArray      *candor_review_changes_since_approval (CandorReview   *self,
                                                CandorElementId  element,
                                                CandorTextKind   field);
/* (transfer full) (nullable): the answer and product keys whose values differ from the
 * approved ones ("answers.end_date", "product.name"), NULL-terminated; NULL if not approved
 * or without approved content, as for candor_review_changes_since_approval() */
char          **candor_review_changed_keys_since_approval (CandorReview *self,
                                                CandorElementId  element);

/**
 * candor_review_list_unapproved:
 * Returns: (transfer full): the elements not approved, or whose approval lapsed (one line
 *   each, "A.1 Can it be updated?: not approved (ready)" / "…: approval lapsed")
 */
GPtrArray      *candor_review_list_unapproved  (CandorReview    *self);

/**
 * candor_review_record_export_override:
 *
 * Appends an "export-override" entry to the log: who, when, why, and each element not
 * approved with its status ("draft", "needs-work", "ready", "lapsed").
 * Returns: (transfer full) (nullable): that list as JSON objects {element, status}, for the
 *   bundle's record
 */
JsonArray      *candor_review_record_export_override (CandorReview *self,
                                                const char      *by,
                                                const char      *reason,
                                                GDateTime       *when,
                                                GError         **error);

/* The log, oldest first: objects {at, by, action, element?, from?, to?, digest?, reason?,
 * comment?, not_approved?}; actions "request-changes", "ready", "approve", "revoke",
 * "resolve", "reopen", "export-override", "restore". (transfer none) (nullable) */
JsonArray      *candor_review_get_log          (CandorReview    *self);

/*
 * Undo. The app's undo works on document states: take a snapshot before a review action
 * and restore it to undo (or the snapshot taken before the undo, to redo). Restoring
 * brings back comments and statuses but never removes log entries: the log stays
 * append-only, and the restore itself is logged.
 */
typedef struct _CandorReviewSnapshot CandorReviewSnapshot;
CandorReviewSnapshot *candor_review_snapshot   (CandorReview    *self);
void            candor_review_restore          (CandorReview    *self,
                                                CandorReviewSnapshot *snapshot,
                                                const char      *by,
                                                GDateTime       *when);
void            candor_review_snapshot_free    (CandorReviewSnapshot *snapshot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CandorReviewSnapshot, candor_review_snapshot_free)

G_END_DECLS
