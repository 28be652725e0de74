/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-error.c: the error domain shared by the core library. */
#include "config.h"

#include "candor-error.h"

G_DEFINE_QUARK (candor-error-quark, candor_error)
