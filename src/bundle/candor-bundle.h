/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-bundle.h: everything about signed bundles: identities, signers, writing, export and
 * verification. Include this one header. */
#pragma once

#include "candor-bundle-error.h"
#include "candor-bundle-export.h"
#include "candor-bundle-file.h"
#include "candor-bundle-render.h"
#include "candor-bundle-verify.h"
#include "candor-bundle-writer.h"
#include "candor-certificate.h"
#include "candor-identity.h"
#include "candor-signer.h"
