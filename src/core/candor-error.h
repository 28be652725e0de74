/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-error.h: the error domain shared by the core library. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CANDOR_ERROR (candor_error_quark ())

/**
 * CandorError:
 * @CANDOR_ERROR_PARSE: the input is not valid JSON (message names line and column)
 * @CANDOR_ERROR_NOT_A_DRAFT: valid JSON, but not a Candor draft
 * @CANDOR_ERROR_VERSION_TOO_NEW: written by a newer Candor
 * @CANDOR_ERROR_INVALID: a value has the wrong type or is out of range (message names the JSON path)
 * @CANDOR_ERROR_TOO_LARGE: the input exceeds a safety limit
 * @CANDOR_ERROR_FAILED: anything else
 */
typedef enum
{
  CANDOR_ERROR_PARSE,
  CANDOR_ERROR_NOT_A_DRAFT,
  CANDOR_ERROR_VERSION_TOO_NEW,
  CANDOR_ERROR_INVALID,
  CANDOR_ERROR_TOO_LARGE,
  CANDOR_ERROR_FAILED,
} CandorError;

GQuark candor_error_quark (void);

/* A plain sentence for a person, naming step and field in words; the message is the detail. */
char  *candor_error_dup_summary (const GError *error);

/* Internal to the core: how a refused save's message begins and ends (candor-format.c). */
const char *_candor_error_not_saved_prefix (void);
const char *_candor_error_not_saved_suffix (void);

G_END_DECLS
