/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-review-pdf.h: the review copy, a PDF a legal reviewer marks up in any viewer, and
 * the import of their annotations back into the draft (issue 12, DESIGN §7). No GTK. */
#pragma once

#include <gio/gio.h>

#include "candor-document.h"

G_BEGIN_DECLS

#define CANDOR_REVIEW_PDF_ERROR (candor_review_pdf_error_quark ())
GQuark candor_review_pdf_error_quark (void);

typedef enum
{
  CANDOR_REVIEW_PDF_ERROR_FAILED,        /* cairo or qpdf could not write the copy */
  CANDOR_REVIEW_PDF_ERROR_NOT_PDF,       /* not a PDF at all */
  CANDOR_REVIEW_PDF_ERROR_BROKEN,        /* a PDF that cannot be read (broken, truncated) */
  CANDOR_REVIEW_PDF_ERROR_ENCRYPTED,     /* needs a password, or the one given is wrong */
  CANDOR_REVIEW_PDF_ERROR_NOT_REVIEW_COPY, /* a PDF, but not one Candor exported */
  CANDOR_REVIEW_PDF_ERROR_OTHER_DRAFT,   /* a review copy of another draft */
  CANDOR_REVIEW_PDF_ERROR_LIMIT,         /* more annotations than an import takes */
} CandorReviewPdfError;

/* The most annotations one import reads (markup annotations, replies included). */
#define CANDOR_REVIEW_PDF_MAX_ANNOTATIONS 2000
/* The largest PDF an import reads. */
#define CANDOR_REVIEW_PDF_MAX_BYTES (64 * 1024 * 1024)

typedef enum
{
  CANDOR_REVIEW_PAPER_A4,
  CANDOR_REVIEW_PAPER_LETTER,
} CandorReviewPaper;

/* US Letter in the locales that use it (LC_PAPER, else LC_MEASUREMENT/LANG: en_US, en_CA,
 * es_MX, fr_CA …), A4 elsewhere. */
CandorReviewPaper candor_review_paper_from_locale (void);
/* "a4" / "letter" */
gboolean       candor_review_paper_from_key   (const char        *key,
                                               CandorReviewPaper *paper);

/**
 * candor_review_pdf_draft_digest:
 *
 * "sha256:…" over everything that reaches the buyer (every element's approval content, see
 * candor_approval_content()): it identifies the version of the draft a copy was made from.
 * Returns: (transfer full)
 */
char          *candor_review_pdf_draft_digest (CandorDocument    *document);
/* "sha256:…" over the product's manufacturer, name and first model and the draft's creation
 * time: the same for every version of one draft. Returns: (transfer full) */
char          *candor_review_pdf_draft_id     (CandorDocument    *document);

/**
 * candor_review_pdf_export:
 * @now: (nullable): the date printed on the cover; NULL for now
 *
 * The review copy of @document (with its review) as PDF bytes: a cover with a status table,
 * then one section per element; each comment a PDF annotation; the field map import needs
 * in the document catalog (/CandorReviewMap).
 * Returns: (transfer full): the PDF, or NULL with @error set
 */
GBytes        *candor_review_pdf_export       (CandorDocument    *document,
                                               CandorReviewPaper  paper,
                                               GDateTime         *now,
                                               GError           **error);

typedef struct
{
  gboolean    force;        /* import a copy of another draft all the same */
  const char *password;     /* (nullable) for an encrypted PDF */
  const char *by;           /* (nullable) recorded for state changes without an author */
} CandorReviewImportOptions;

/**
 * CandorReviewImportResult:
 *
 * What an import did (or, in a dry run, would do). Each item of @events is a JSON object
 * {"action": "added"|"updated"|"moved"|"unplaced"|"unchanged", "kind": "comment"|"reply"|
 * "suggestion", "element", "field"?, "answer"?, "quote"?, "page", "comment_id"?, "message"?}.
 */
typedef struct
{
  guint      comments_added, replies_added, suggestions_added;
  guint      updated, moved, unplaced, unchanged;
  gboolean   same_version;  /* the draft's digest is the one the copy was made from */
  gboolean   other_draft;   /* imported with force from another draft's copy */
  JsonArray *events;
} CandorReviewImportResult;

void           candor_review_import_result_free (CandorReviewImportResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CandorReviewImportResult, candor_review_import_result_free)

/**
 * candor_review_pdf_import:
 *
 * Reads the annotations of a review copy and adds them to @document's review: comments,
 * replies, suggested changes (from strike-outs), body edits. Nothing is changed unless the
 * whole import succeeds (on error the review is as it was). Saving is the caller's.
 * Returns: (transfer full): the summary, or NULL with @error set
 */
CandorReviewImportResult *candor_review_pdf_import (CandorDocument                  *document,
                                                    GBytes                          *pdf,
                                                    const CandorReviewImportOptions *options,
                                                    GError                         **error);

/* One line per count, translated, for people ("2 comments added, 1 reply added, …"). */
char          *candor_review_import_result_describe (CandorReviewImportResult *result);
JsonObject    *candor_review_import_result_to_json  (CandorReviewImportResult *result);

G_END_DECLS
