/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-anchor.h: how a commented span of text follows edits (character offsets). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CandorAnchorResult:
 * @CANDOR_ANCHOR_KEPT: the span still holds some of its text (perhaps moved, grown or shrunk)
 * @CANDOR_ANCHOR_DELETED: every character of the span was removed: the comment detaches
 */
typedef enum
{
  CANDOR_ANCHOR_KEPT,
  CANDOR_ANCHOR_DELETED,
} CandorAnchorResult;

/**
 * candor_anchor_apply_edit:
 * @start: (inout): first character of the span
 * @end: (inout): one past its last character; @start < @end
 * @offset: where the edit starts (characters, in the text before the edit)
 * @removed: characters removed at @offset
 * @inserted: characters inserted at @offset
 *
 * Moves a span [@start, @end) through one edit. Typing before the span, or exactly at its
 * start, shifts it; typing strictly inside it (or replacing text from its start) grows or
 * shrinks it; typing at its end leaves it as it is; removing part of it trims it; removing
 * all of it returns %CANDOR_ANCHOR_DELETED and sets both to @offset. A kept span is never
 * empty.
 */
CandorAnchorResult candor_anchor_apply_edit (guint *start,
                                             guint *end,
                                             guint  offset,
                                             guint  removed,
                                             guint  inserted);

/**
 * candor_anchor_move_point:
 *
 * Moves a single position (a detached comment's last place) through an edit: after the
 * edit it moves with the text, inside removed text it goes to @offset.
 */
guint              candor_anchor_move_point (guint  point,
                                             guint  offset,
                                             guint  removed,
                                             guint  inserted);

/**
 * candor_anchor_find_nearest:
 * @text: UTF-8
 * @quote: non-empty UTF-8
 * @near: a character offset
 * @from: first character offset a match may start at
 * @to: a match must end at or before this offset (G_MAXUINT for the end of @text)
 * @found: (out): the character offset of the occurrence of @quote in @text that starts
 *   nearest to @near (the earlier one on a tie)
 *
 * Returns: TRUE when @quote occurs in @text within [@from, @to)
 */
gboolean           candor_anchor_find_nearest (const char *text,
                                               const char *quote,
                                               guint       near,
                                               guint       from,
                                               guint       to,
                                               guint      *found);

/**
 * candor_anchor_find_occurrence:
 * @n: which occurrence, from 1
 * @found: (out): its character offset
 *
 * Returns: TRUE when @quote occurs at least @n times in @text (overlapping occurrences count)
 */
gboolean           candor_anchor_find_occurrence (const char *text,
                                                  const char *quote,
                                                  guint       n,
                                                  guint      *found);

/* The number of occurrences of @quote in @text (overlapping ones count). */
guint              candor_anchor_count      (const char *text,
                                             const char *quote);

/* The characters [@start, @end) of @text, newly allocated; clamped to the text. */
char              *candor_anchor_substring  (const char *text,
                                             guint       start,
                                             guint       end);

G_END_DECLS
