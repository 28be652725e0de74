/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-wording-private.h: helpers shared by the wording generators and the checks. */
#pragma once

#include "candor-partial-date.h"
#include "candor-wording.h"

G_BEGIN_DECLS

/* CandorPartialDate, its parser and month arithmetic: candor-partial-date.h (core). */
/* Compares as days; a month-only date stands for its first day (@as_end FALSE) or its last
 * day (@as_end TRUE), so that "support until December 2029" lasts the whole month. */
int      candor_partial_date_to_julian     (const CandorPartialDate *date,
                                            gboolean                 as_end);
char    *candor_partial_date_format        (const CandorPartialDate *date);

/* The earliest date security updates can end, for an A.3 answer of kind "date" or "period".
 * @exact is set when the answers fix the end date (not only a lower bound). */
gboolean candor_wording_a3_end_date        (CandorElement           *a3,
                                            CandorPartialDate       *out,
                                            gboolean                *exact);

/* The product as the subject of a sentence ("The Acme Cam 2", "This device") or inside one
 * ("the Acme Cam 2"); the maker likewise ("Acme", "The maker"). */
char    *candor_wording_product            (CandorDocument          *document,
                                            gboolean                 sentence_start);
char    *candor_wording_maker              (CandorDocument          *document,
                                            gboolean                 sentence_start);

/* "4.99 euros" (or "4.99 PLN") from a money answer {amount, currency}, or NULL when absent or malformed. */
char    *candor_wording_money              (CandorElement           *element,
                                            const char              *key);

/* Free text typed by the user, trimmed and without a final full stop, so that it can be put
 * into a sentence that ends with one. NULL when empty. */
char    *candor_wording_user_text          (CandorElement           *element,
                                            const char              *key);

/* Appends @sentence (taking ownership) to @text, separated by a space. */
void     candor_wording_add                (GString                 *text,
                                            char                    *sentence);
/* Joins translated list items: "a, b and c". */
char    *candor_wording_join_list          (GPtrArray               *items);
/* Upper-cases the first letter. */
char    *candor_wording_capitalize         (const char              *text);

/* TRUE when A.1 says the device cannot get updates and @id has no answers of its own, so the
 * element does not apply. */
gboolean candor_wording_not_applicable     (CandorDocument          *document,
                                            CandorElementId          id);
/* TRUE when the element has any answer (any key other than texts). */
gboolean candor_wording_has_answers        (CandorElement           *element);

/* Per-group generators (candor-wording-a.c, candor-wording-b.c). */
char    *candor_wording_generate_a1        (CandorDocument *document, CandorTextKind kind);
char    *candor_wording_generate_a2        (CandorDocument *document, CandorTextKind kind);
char    *candor_wording_generate_a3        (CandorDocument *document, CandorTextKind kind);
char    *candor_wording_generate_b1        (CandorDocument *document, CandorTextKind kind);
char    *candor_wording_generate_b2        (CandorDocument *document, CandorTextKind kind);
char    *candor_wording_generate_b3        (CandorDocument *document, CandorTextKind kind);
char    *candor_wording_short_a            (CandorDocument *document, CandorElementId id);
char    *candor_wording_short_b            (CandorDocument *document, CandorElementId id);

/* Shared by A.3 and the checks: the sentence that tells label readers the device stops
 * working when support ends (B.2 "stops"); @after_date when it follows a sentence that gives
 * the end. NULL unless B.2 says "stops". */
char    *candor_wording_stops_sentence     (CandorDocument          *document,
                                            CandorTextKind           kind,
                                            gboolean                 after_date);

/* Blocking issues for A.1, A.2 (price) and A.3 texts edited by hand that contradict the answers
 * (candor-wording-check-text.c). */
void     candor_wording_check_edited_texts (CandorDocument          *document,
                                            GPtrArray               *issues);

G_END_DECLS
