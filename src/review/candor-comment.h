/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-comment.h: one review comment (or its reply), as the views read it. */
#pragma once

#include <json-glib/json-glib.h>

#include "candor-element-id.h"

G_BEGIN_DECLS

/**
 * CandorCommentTarget:
 * @CANDOR_COMMENT_ON_ELEMENT: the whole element
 * @CANDOR_COMMENT_ON_TEXT: a span of the label or web text
 * @CANDOR_COMMENT_ON_ANSWER: a structured answer (e.g. "end_date")
 */
typedef enum
{
  CANDOR_COMMENT_ON_ELEMENT,
  CANDOR_COMMENT_ON_TEXT,
  CANDOR_COMMENT_ON_ANSWER,
} CandorCommentTarget;

typedef struct
{
  char *author;
  char *created;   /* ISO 8601, UTC */
  char *body;
} CandorReply;

/**
 * CandorComment:
 * @start, @end: the span in characters, for a text comment that is not detached; for a
 *   detached one both are where its text was removed
 * @quote: the text under the span now (it follows edits inside the span); for a detached
 *   comment the text it was on when it was detached
 * @original_quote: (nullable): the text the comment was first made on, when edits inside
 *   the span have changed it since
 * @replies: (element-type CandorReply)
 *
 * A copy: changing it changes nothing in the draft.
 */
typedef struct
{
  char               *id;
  CandorElementId     element;
  CandorCommentTarget target;
  CandorTextKind      field;
  char               *answer;
  guint               start;
  guint               end;
  char               *quote;
  char               *original_quote;
  gboolean            detached;
  char               *author;
  char               *created;
  char               *body;
  gboolean            resolved;
  char               *resolved_by;
  char               *resolved_at;
  char               *reopened_by;
  char               *reopened_at;
  GPtrArray          *replies;
} CandorComment;

void           candor_comment_free      (CandorComment *comment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CandorComment, candor_comment_free)

/* Reads one stored comment; NULL if it is not one (the loader has validated drafts). */
CandorComment *candor_comment_from_json (JsonObject    *object);

/* "label_text" / "web_text" */
const char    *candor_comment_field_key (CandorTextKind kind);

G_END_DECLS
