/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-render-error.h: the error domain of the label, web page and disclosure.json renderers. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CANDOR_RENDER_ERROR (candor_render_error_quark ())

/**
 * CandorRenderError:
 * @CANDOR_RENDER_ERROR_TOO_LONG: a text does not fit on the label even at the minimum size;
 *   the message names the element
 * @CANDOR_RENDER_ERROR_NO_URL: the draft has no web address for the QR code
 * @CANDOR_RENDER_ERROR_INVALID_URL: the web address is not an http:// or https:// address
 * @CANDOR_RENDER_ERROR_URL_TOO_LONG: the web address makes a QR code too dense to scan at
 *   this label size
 * @CANDOR_RENDER_ERROR_UNKNOWN_TEMPLATE: no label template of that name
 * @CANDOR_RENDER_ERROR_UNKNOWN_SIZE: the template has no size of that name
 * @CANDOR_RENDER_ERROR_UNSUPPORTED_FORMAT: the file name does not end in .pdf, .svg or .png
 * @CANDOR_RENDER_ERROR_FAILED: drawing or writing failed
 */
typedef enum
{
  CANDOR_RENDER_ERROR_TOO_LONG,
  CANDOR_RENDER_ERROR_NO_URL,
  CANDOR_RENDER_ERROR_INVALID_URL,
  CANDOR_RENDER_ERROR_URL_TOO_LONG,
  CANDOR_RENDER_ERROR_UNKNOWN_TEMPLATE,
  CANDOR_RENDER_ERROR_UNKNOWN_SIZE,
  CANDOR_RENDER_ERROR_UNSUPPORTED_FORMAT,
  CANDOR_RENDER_ERROR_FAILED,
} CandorRenderError;

GQuark candor_render_error_quark (void);

G_END_DECLS
