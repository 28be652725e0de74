/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-migrate.h: upgrades drafts written in older format versions. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Rewrites @root (a draft of @from_version) in place into the current version, one step at a
 * time, and sets its "version" member. Returns FALSE with an error naming the problem if the
 * old draft cannot be understood. */
gboolean _candor_migrate (JsonObject  *root,
                          gint64       from_version,
                          GError     **error);

G_END_DECLS
