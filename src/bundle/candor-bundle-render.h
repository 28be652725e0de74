/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-bundle-render.h: the content files of a bundle, produced by the renderers
 * (src/render): disclosure.json, index.html and label-<template>.<format>. */
#pragma once

#include <gio/gio.h>

#include "candor-document.h"

G_BEGIN_DECLS

/**
 * candor_bundle_render_files:
 * @document: the draft
 * @templates: (nullable) (array zero-terminated=1): label template ids; %NULL for all
 * @formats: (nullable) (array zero-terminated=1): "pdf", "svg", "png"; %NULL for all three
 * @problems: (nullable): of char *; receives what the labels report (a text cut short, no
 *   QR code), to pass to the export gate
 * @error: an unknown template or format, or a rendering failure
 *
 * Returns: (transfer full) (nullable): of CandorBundleFile, ready for candor_bundle_export()
 */
GPtrArray *candor_bundle_render_files (CandorDocument     *document,
                                       const char * const *templates,
                                       const char * const *formats,
                                       GPtrArray          *problems,
                                       GError            **error);

G_END_DECLS
