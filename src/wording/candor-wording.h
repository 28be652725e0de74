/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-wording.h: plain-language sentences, short label answers and consistency checks,
 * all generated from an element's structured answers. */
#pragma once

#include "candor-document.h"

G_BEGIN_DECLS

/**
 * candor_wording_generate:
 *
 * The proposed text for @id, for the label (short) or the web page (fuller), in short active
 * sentences, translated into the current locale. Empty string when there are no answers yet.
 * Returns: (transfer full)
 */
char *candor_wording_generate      (CandorDocument  *document,
                                    CandorElementId  id,
                                    CandorTextKind   kind);

/* Regenerates every text not edited by hand from the answers; returns how many changed. */
guint candor_wording_refresh_generated (CandorDocument *document);

/**
 * candor_wording_short_answer:
 *
 * The few words shown in the element's row of the packaging label, like a nutrition-facts
 * panel: "Yes", "Automatic, free", "At least until December 2029". NULL when unanswered.
 * Returns: (transfer full) (nullable)
 */
char *candor_wording_short_answer  (CandorDocument  *document,
                                    CandorElementId  id);

/**
 * candor_wording_format_date:
 * @partial_date: "YYYY-MM" or "YYYY-MM-DD"
 *
 * Writes a date out unambiguously: "31 December 2029" or "December 2029".
 * Returns: (transfer full) (nullable): NULL if @partial_date is not a valid date
 */
char *candor_wording_format_date   (const char      *partial_date);

/**
 * candor_wording_support_end:
 * @end: (out): the last day of security updates
 *
 * The end of security updates the A.3 answers give: the date, or the earliest end a period
 * leads to; a month stands for its last day. FALSE when they give none (no planned end, not
 * known yet, a period whose start is not known, unanswered).
 */
gboolean candor_wording_support_end (CandorDocument *document,
                                     GDate          *end);

typedef enum
{
  CANDOR_ELEMENT_STATUS_MISSING,    /* required answers not given */
  CANDOR_ELEMENT_STATUS_NEEDS_WORK, /* answered, but a blocking problem is flagged */
  CANDOR_ELEMENT_STATUS_READY,
} CandorElementStatus;

typedef enum
{
  CANDOR_SEVERITY_INFO,
  CANDOR_SEVERITY_WARNING,
  CANDOR_SEVERITY_BLOCKING,
} CandorSeverity;

/* A problem found in the answers: missing information, a contradiction between elements, or
 * a rule (e.g. the EU five-year minimum) the answers may break. */
typedef struct
{
  char            *rule;        /* stable id, e.g. "a1-no-updates-but-automatic" */
  CandorSeverity   severity;
  CandorElementId  elements[CANDOR_N_ELEMENTS]; /* the pages involved */
  guint            n_elements;
  char            *key;         /* the answer key most at fault, or NULL */
  char            *message;     /* plain, translated, says what to do */
} CandorIssue;

void      candor_issue_free             (CandorIssue *issue);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CandorIssue, candor_issue_free)

/* Every issue in the document, in element order. Returns: (transfer full): of CandorIssue */
GPtrArray *candor_wording_check          (CandorDocument  *document);
/* The same, with a fixed "today" for end dates in the past (tests, reproducible reports). */
GPtrArray *candor_wording_check_at       (CandorDocument  *document,
                                          const GDate     *today);

CandorElementStatus candor_wording_element_status (CandorDocument  *document,
                                                   CandorElementId  id);
/* The same from issues already found by candor_wording_check(), so that a view showing all
 * six statuses checks the document once. */
CandorElementStatus candor_wording_status_from_issues (GPtrArray       *issues,
                                                       CandorElementId  id);

G_END_DECLS
