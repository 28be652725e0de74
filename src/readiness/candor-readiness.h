/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-readiness.h: when an element is ready, and what blocks it, decided in one place for
 * the review page, the wizard's steps, `candor-cli check` and the export gate. */
#pragma once

#include "candor-document.h"
#include "candor-readability.h"
#include "candor-wording.h"

G_BEGIN_DECLS

/* A graded text (at least CANDOR_GRADE_MIN_WORDS words) above this Flesch–Kincaid grade is
 * "Hard to read" and blocks its element: no dismissal can fix a grade (POLICY.md). */
#define CANDOR_READY_MAX_GRADE 10.0

/**
 * CandorReadinessStatus:
 * @CANDOR_READINESS_READY: complete, every text analysed, nothing open that blocks
 * @CANDOR_READINESS_MISSING: a required answer is not given
 * @CANDOR_READINESS_BLOCKED: answered, but something blocks (a consistency problem, an empty
 *   text, an open blocking readability finding, a text that is hard to read)
 * @CANDOR_READINESS_UNCHECKED: nothing else blocks, but a text is not analysed yet
 */
typedef enum
{
  CANDOR_READINESS_READY,
  CANDOR_READINESS_MISSING,
  CANDOR_READINESS_BLOCKED,
  CANDOR_READINESS_UNCHECKED,
} CandorReadinessStatus;

/**
 * CandorBlockKind:
 * @CANDOR_BLOCK_MISSING: a required answer is not given (an issue ending in "-missing")
 * @CANDOR_BLOCK_PROBLEM: a blocking consistency or contradiction issue of the answers or texts
 * @CANDOR_BLOCK_EMPTY_TEXT: the answers are complete but a text is empty
 * @CANDOR_BLOCK_FINDINGS: a text has open (not dismissed) readability findings that block
 * @CANDOR_BLOCK_GRADE: a graded text reads above #CANDOR_READY_MAX_GRADE
 * @CANDOR_BLOCK_NOT_CHECKED: a text has not been analysed yet (or could not be)
 */
typedef enum
{
  CANDOR_BLOCK_MISSING,
  CANDOR_BLOCK_PROBLEM,
  CANDOR_BLOCK_EMPTY_TEXT,
  CANDOR_BLOCK_FINDINGS,
  CANDOR_BLOCK_GRADE,
  CANDOR_BLOCK_NOT_CHECKED,
} CandorBlockKind;

/**
 * CandorBlockReason:
 * @kind: what kind of reason
 * @owner: the element the reason is listed under first (an issue involving several elements
 *   blocks each of them, but a list of every problem names it once, under its @owner)
 * @has_field: whether @field says which text the reason is about
 * @field: the label or the web text
 * @rule: a stable id: the issue's rule, or "empty-text", "readability-findings",
 *   "readability-grade", "not-checked"
 * @key: (nullable): the answer key most at fault (issues only)
 * @message: a plain, translated sentence naming the field and what to do
 * @n_findings: for %CANDOR_BLOCK_FINDINGS, how many findings block
 */
typedef struct
{
  CandorBlockKind  kind;
  CandorElementId  owner;
  gboolean         has_field;
  CandorTextKind   field;
  char            *rule;
  char            *key;
  char            *message;
  guint            n_findings;
} CandorBlockReason;

/**
 * CandorReadiness:
 * @id: the element
 * @status: see #CandorReadinessStatus
 * @reasons: (element-type CandorBlockReason): what blocks, in this order: answers, texts
 *   (label, then web); empty when @status is %CANDOR_READINESS_READY
 * @analyses: (nullable): the analysis of each text that was used, %NULL when the text is
 *   not analysed yet
 * @open_findings: (nullable) (element-type CandorFinding): each text's findings not
 *   dismissed, blocking or not (owned by @analyses); %NULL when not analysed
 */
typedef struct
{
  CandorElementId        id;
  CandorReadinessStatus  status;
  GPtrArray             *reasons;
  CandorTextAnalysis    *analyses[CANDOR_N_TEXT_KINDS];
  GPtrArray             *open_findings[CANDOR_N_TEXT_KINDS];
} CandorReadiness;

/**
 * CandorReadinessAnalyse:
 * @id: the element
 * @kind: which of its texts
 * @text: the text as it is in the document
 * @user_data: user data
 *
 * Supplies the analysis of a text. The app returns the analysis its text field made (or is
 * still making), so that nothing is analysed twice and a long text analysed in a worker
 * thread counts as "not yet checked" until its result is in.
 *
 * Returns: (transfer full) (nullable): the analysis of exactly @text, or %NULL if it is not
 *   analysed yet
 */
typedef CandorTextAnalysis *(*CandorReadinessAnalyse) (CandorElementId  id,
                                                      CandorTextKind   kind,
                                                      const char      *text,
                                                      gpointer         user_data);

/* Whether an open finding of @rule blocks readiness: every rule but the advice ones
 * (wordy-phrase, hedge, all-caps), which are drawn with a double underline (POLICY.md). */
gboolean         candor_readiness_finding_blocks (const char *rule);

CandorReadiness *candor_readiness_check       (CandorDocument         *document,
                                               CandorElementId         id,
                                               GPtrArray              *issues,
                                               CandorReadinessAnalyse  analyse,
                                               gpointer                user_data);
void             candor_readiness_free        (CandorReadiness        *readiness);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CandorReadiness, candor_readiness_free)

/**
 * CandorReadinessReport:
 * @elements: the readiness of each element
 * @general: (element-type CandorBlockReason): blocking issues tied to no element
 * @ready: %TRUE when every element is ready and @general is empty
 */
typedef struct
{
  CandorReadiness *elements[CANDOR_N_ELEMENTS];
  GPtrArray       *general;
  gboolean         ready;
} CandorReadinessReport;

CandorReadinessReport *candor_readiness_check_all   (CandorDocument         *document,
                                                     CandorReadinessAnalyse  analyse,
                                                     gpointer                user_data);
void                   candor_readiness_report_free (CandorReadinessReport  *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CandorReadinessReport, candor_readiness_report_free)

/* Stable key for --json: "ready", "missing", "needs-work", "not-checked". */
const char *candor_readiness_status_to_key     (CandorReadinessStatus status);
/* Short translated phrase: "Ready", "Missing answers", "Not ready", "Not yet checked". */
const char *candor_readiness_status_describe   (CandorReadinessStatus status);
/* "label", "web" or NULL for a reason about the answers. */
const char *candor_block_reason_field_key      (const CandorBlockReason *reason);
/* Every reason of @report that names a problem once (under its owner), as
 * "A.1 Can it get security updates?: <message>". Returns: (transfer full): of char * */
GPtrArray  *candor_readiness_report_problems   (CandorReadinessReport *report);

G_END_DECLS
