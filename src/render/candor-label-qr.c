/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-label-qr.c: the QR code on the label (libqrencode), as modules to draw with cairo. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <qrencode.h>

#include "candor-label-qr.h"
#include "candor-render-error.h"

struct _CandorQr
{
  char   *text;
  int     width;
  char    level;
  guint8 *dark; /* width × width, row-major */
};

static QRcode *
encode (const char *text, QRecLevel level)
{
  /* Case-sensitive, so the decoded address is byte for byte what was encoded. */
  return QRcode_encodeString (text, 0, level, QR_MODE_8, 1);
}

CandorQr *
candor_qr_encode (const char *text, GError **error)
{
  QRcode *code;
  QRcode *better;
  CandorQr *qr;
  char level = 'M';

  g_return_val_if_fail (text != NULL, NULL);

  code = encode (text, QR_ECLEVEL_M);
  if (code == NULL)
    {
      int saved = errno;

      g_set_error (error, CANDOR_RENDER_ERROR, CANDOR_RENDER_ERROR_URL_TOO_LONG,
                   _("The web address is too long for a QR code (%s). Use a shorter address."),
                   g_strerror (saved));
      return NULL;
    }
  /* Packaging gets scuffed: take the stronger level when it costs no extra modules. */
  better = encode (text, QR_ECLEVEL_Q);
  if (better != NULL && better->width == code->width)
    {
      QRcode_free (code);
      code = better;
      level = 'Q';
    }
  else if (better != NULL)
    QRcode_free (better);

  qr = g_new0 (CandorQr, 1);
  qr->text = g_strdup (text);
  qr->width = code->width;
  qr->level = level;
  qr->dark = g_malloc ((gsize) code->width * (gsize) code->width);
  for (int i = 0; i < code->width * code->width; i++)
    qr->dark[i] = code->data[i] & 1;
  QRcode_free (code);
  return qr;
}

void
candor_qr_free (CandorQr *qr)
{
  if (qr == NULL)
    return;
  g_free (qr->text);
  g_free (qr->dark);
  g_free (qr);
}

int
candor_qr_get_width (const CandorQr *qr)
{
  return qr->width;
}

const char *
candor_qr_get_text (const CandorQr *qr)
{
  return qr->text;
}

char
candor_qr_get_level (const CandorQr *qr)
{
  return qr->level;
}

void
candor_qr_draw (const CandorQr *qr, cairo_t *cr, double x, double y, double module)
{
  cairo_new_path (cr);
  for (int row = 0; row < qr->width; row++)
    {
      int col = 0;

      while (col < qr->width)
        {
          int start;

          if (!qr->dark[row * qr->width + col])
            {
              col++;
              continue;
            }
          start = col;
          while (col < qr->width && qr->dark[row * qr->width + col])
            col++;
          cairo_rectangle (cr, x + start * module, y + row * module, (col - start) * module,
                           module);
        }
    }
  /* Rectangles never overlap, so the winding rule does not matter; one fill avoids seams. */
  cairo_fill (cr);
}
