/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-render-error.c: the error domain of the renderers. */
#include "candor-render-error.h"

G_DEFINE_QUARK (candor-render-error-quark, candor_render_error)
