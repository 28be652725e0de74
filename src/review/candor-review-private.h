/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-review-private.h: what the two halves of CandorReview share. */
#pragma once

#include "candor-review.h"

G_BEGIN_DECLS

/* The review section of the document, to change in place (then call _candor_review_changed). */
JsonObject *_candor_review_section      (CandorReview *self);
JsonArray  *_candor_review_array        (CandorReview *self, const char *key, gboolean create);
JsonObject *_candor_review_element      (CandorReview *self, CandorElementId id, gboolean create);
void        _candor_review_changed      (CandorReview *self, const char *what);
/* "2026-12-04T02:15:00Z" for @when, or now when NULL */
char       *_candor_review_stamp        (GDateTime *when);
/* A non-empty name or body within @max characters, else INVALID naming @what. */
gboolean    _candor_review_check_text   (const char *text, const char *what, glong max, GError **error);
/* Appends a log entry {at, by, action, element?}; FALSE (LIMIT) when the log is full. */
JsonObject *_candor_review_log_append   (CandorReview *self, const char *at, const char *by,
                                         const char *action, int element, GError **error);
const char *_candor_review_string       (JsonObject *object, const char *key);

G_END_DECLS
