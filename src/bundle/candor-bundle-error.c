/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-bundle-error.c: the error domain of signed bundles. */
#include "candor-bundle-error.h"

G_DEFINE_QUARK (candor-bundle-error-quark, candor_bundle_error)
