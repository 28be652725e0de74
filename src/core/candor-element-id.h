/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-element-id.h: the six disclosure elements (A.1 to B.3) and text kinds. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CandorElementId:
 *
 * The six elements of the NTIA "Communicating IoT Device Security Update
 * Capability" guidance. A.x belong on the packaging label, B.x may be on the web.
 */
typedef enum
{
  CANDOR_ELEMENT_A1, /* whether the device can receive security updates */
  CANDOR_ELEMENT_A2, /* how updates are installed, and what they cost */
  CANDOR_ELEMENT_A3, /* when security update support ends */
  CANDOR_ELEMENT_B1, /* how owners are told about updates */
  CANDOR_ELEMENT_B2, /* what happens when support ends */
  CANDOR_ELEMENT_B3, /* how updates are secured */
  CANDOR_N_ELEMENTS
} CandorElementId;

/**
 * CandorTextKind:
 * @CANDOR_TEXT_LABEL: the short text for the packaging label
 * @CANDOR_TEXT_WEB: the fuller text for the web page
 */
typedef enum
{
  CANDOR_TEXT_LABEL,
  CANDOR_TEXT_WEB,
  CANDOR_N_TEXT_KINDS
} CandorTextKind;

const char *candor_element_id_to_key     (CandorElementId id);       /* "A1" (file format key) */
const char *candor_element_id_to_display (CandorElementId id);       /* "A.1" */
const char *candor_element_id_get_title  (CandorElementId id);       /* translated short title */
gboolean    candor_element_id_from_key   (const char      *key,
                                          CandorElementId *out_id);   /* accepts "A1" and "A.1" */
gboolean    candor_element_id_is_label   (CandorElementId id);       /* TRUE for A.x */

const char *candor_text_kind_to_key      (CandorTextKind kind);      /* "label" / "web" */

G_END_DECLS
