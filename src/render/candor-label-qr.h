/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-label-qr.h: the QR code on the label (libqrencode), as modules to draw with cairo. */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* A QR symbol needs this many light modules around it to be found by a scanner. */
#define CANDOR_QR_QUIET_ZONE 4

typedef struct _CandorQr CandorQr;

/* Encodes @text with error correction level M, or Q when that needs no bigger symbol.
 * Returns: (transfer full) (nullable): NULL with CANDOR_RENDER_ERROR_URL_TOO_LONG */
CandorQr   *candor_qr_encode     (const char     *text,
                                  GError        **error);
void        candor_qr_free       (CandorQr       *qr);
/* Modules per side, without the quiet zone. */
int         candor_qr_get_width  (const CandorQr *qr);
const char *candor_qr_get_text   (const CandorQr *qr);
/* 'M' or 'Q'. */
char        candor_qr_get_level  (const CandorQr *qr);
/* Fills the dark modules with the current source, top-left corner of the symbol at (@x, @y),
 * each module @module user units wide. Adjacent modules are merged into one path so that no
 * hairline seams appear when rasterised. */
void        candor_qr_draw       (const CandorQr *qr,
                                  cairo_t        *cr,
                                  double          x,
                                  double          y,
                                  double          module);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CandorQr, candor_qr_free)

G_END_DECLS
