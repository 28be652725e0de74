/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-dismissal.h: findings a user dismissed, matched again after edits. */
#pragma once

#include <json-glib/json-glib.h>

#include "candor-element-id.h"
#include "candor-finding.h"

G_BEGIN_DECLS

/**
 * CandorDismissal:
 * @rule: the dismissed finding's rule id
 * @quote: the dismissed finding's text
 * @start: its character offset when it was dismissed, or -1 if unknown
 *
 * What the matcher needs of one saved `dismissal` (data/schema/candor-draft.schema.json:
 * element, field, rule, quote, start, reason, …).
 */
typedef struct
{
  char *rule;
  char *quote;
  gint  start;
} CandorDismissal;

CandorDismissal *candor_dismissal_new  (const char *rule,
                                        const char *quote,
                                        gint        start);
void             candor_dismissal_free (CandorDismissal *dismissal);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CandorDismissal, candor_dismissal_free)

/**
 * candor_dismissals_from_review:
 * @review: (nullable): the draft's review object (candor_document_get_review())
 * @element: the element whose text is analysed
 * @kind: label or web text (field "label_text" or "web_text")
 *
 * Picks the dismissals of one text out of `review.dismissals`. Entries of other
 * texts and malformed entries are skipped.
 *
 * Returns: (transfer full) (element-type CandorDismissal): possibly empty
 */
GPtrArray *candor_dismissals_from_review (JsonObject      *review,
                                          CandorElementId  element,
                                          CandorTextKind   kind);

/**
 * candor_dismissals_filter:
 * @findings: (element-type CandorFinding): findings of one text
 * @dismissals: (element-type CandorDismissal): dismissals of the same text
 *
 * Removes dismissed findings. A dismissal matches a finding with the same rule
 * and exactly the same quoted text; when several do, the one whose start is
 * nearest to the saved start. Each dismissal hides at most one finding, so a
 * second identical phrase elsewhere is still reported; and because matching is
 * by quote, not by offset, a dismissal survives edits elsewhere in the text.
 *
 * Returns: (transfer container) (element-type CandorFinding): the findings that
 *   remain, in their original order; the elements are still owned by @findings
 */
GPtrArray *candor_dismissals_filter (GPtrArray *findings,
                                     GPtrArray *dismissals);

G_END_DECLS
