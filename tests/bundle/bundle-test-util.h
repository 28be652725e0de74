/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bundle-test-util.h: helpers shared by the bundle tests: temporary identities, sample
 * bundles, unpacking for the real tools, and running commands. */
#pragma once

#include <gio/gio.h>

#include "candor-bundle.h"

G_BEGIN_DECLS

#define TEST_PASSPHRASE "correct horse battery staple"

/* A fresh temporary folder, removed (recursively) by test_tmpdir_free(). */
char         *test_tmpdir_new        (void);
void          test_tmpdir_free       (char *path);

/* An identity "NAME" in DIR (created), valid from NOT_BEFORE (NULL = now) for DAYS. */
CandorIdentity *test_identity_new    (const char *dir,
                                      const char *name,
                                      GDateTime  *not_before,
                                      guint       days);
CandorSigner *test_signer_new        (const char *dir,
                                      const char *name);

/* disclosure.json, index.html and a few label files with fixed contents. */
GPtrArray    *test_sample_files      (void);
GBytes       *test_sample_bundle     (CandorSigner *signer);

/* Writes every file of FILES into DIR. */
void          test_write_files       (const char *dir,
                                      GPtrArray  *files);
/* Unpacks ZIP (our own, trusted) into DIR. */
void          test_unpack            (GBytes     *zip,
                                      const char *dir);

/* Runs ARGV in CWD (NULL: current); returns the exit status, captures output if asked. */
int           test_run               (const char * const *argv,
                                      const char  *cwd,
                                      char       **out,
                                      char       **err);
/* Runs sha256sum -c and openssl cms -verify on an unpacked bundle: both must pass. */
void          test_assert_interop    (GBytes     *zip);

/* Rebuilds ZIP with a function applied to its files (for tampering). */
typedef void (*TestEditFunc) (GPtrArray *files, gpointer user_data);
GBytes       *test_edit_bundle       (GBytes       *zip,
                                      TestEditFunc  edit,
                                      gpointer      user_data);

/* Path of the built candor-cli, and of a file in the source tree. */
char         *test_cli_path          (void);
/* Brings generated texts up to date (as export does) and approves every element as it is now,
 * so that a signed export's review gate is open. */
void          test_approve_all       (CandorDocument *document);
char         *test_source_path       (const char *relative);

gboolean      test_bytes_contain     (GBytes        *haystack,
                                      gconstpointer  needle,
                                      gsize          length);

G_END_DECLS
