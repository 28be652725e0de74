/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-bundle-view.h: a window for a bundle zip: its verification result (each check, the
 * signer, every file), then the disclosure it carries. */
#pragma once

#include <adwaita.h>

#include "candor-bundle-verify.h"

G_BEGIN_DECLS

#define CANDOR_TYPE_BUNDLE_VIEW (candor_bundle_view_get_type ())
G_DECLARE_FINAL_TYPE (CandorBundleView, candor_bundle_view, CANDOR, BUNDLE_VIEW, AdwWindow)

/*
 * Signals:
 *   "verified": the check finished (passed or not); see get_verification()
 *
 * Actions: bundle.show-disclosure, bundle.show-verification
 */

/* Opens a window for @file and starts checking it (in a worker thread). */
CandorBundleView         *candor_bundle_view_new              (GtkApplication   *application,
                                                               GFile            *file);
/* Whether @file looks like a bundle (a .zip), to route "open" to this window. */
gboolean                  candor_bundle_view_handles_file     (GFile            *file);
GFile                    *candor_bundle_view_get_file         (CandorBundleView *self);
/* (nullable): NULL while the check runs, or when the file could not be read */
CandorBundleVerification *candor_bundle_view_get_verification (CandorBundleView *self);
/* "verification" or "disclosure" */
const char               *candor_bundle_view_get_visible_page (CandorBundleView *self);
GtkWidget                *candor_bundle_view_get_web_preview  (CandorBundleView *self);

G_END_DECLS
