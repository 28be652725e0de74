#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# candor-cli validate / check / --help / --version: exit statuses and messages (DESIGN §8).
set -u
cli=$1
src=${CANDOR_SOURCE_ROOT:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
fail=0

check() { # name expected-status command...
  name=$1; want=$2; shift 2
  n=$((n + 1))
  "$@" >"$tmp/out" 2>"$tmp/err"
  got=$?
  if [ "$got" -eq "$want" ]; then
    echo "ok $n - $name"
  else
    echo "not ok $n - $name (exit $got, wanted $want)"
    sed 's/^/# /' "$tmp/out" "$tmp/err"
    fail=1
  fi
}

contains() { # name file text
  n=$((n + 1))
  if grep -qF -- "$3" "$2"; then echo "ok $n - $1"; else
    echo "not ok $n - $1: missing “$3”"; sed 's/^/# /' "$2"; fail=1; fi
}

check "valid example" 0 "$cli" validate "$src/data/examples/smart-camera.candor"
contains "valid message" "$tmp/out" "valid Candor draft"

printf '%s' '{"format": "candor-disclosure", "version": 0, "product": {"name": "Old Plug", "model": "OP-1"}, "elements": {}}' > "$tmp/v0.candor"
check "version 0 draft" 0 "$cli" validate "$tmp/v0.candor"
contains "version 0 is said" "$tmp/out" "valid Candor draft in the older format version 0 (read as version 1"

check "bad date" 1 "$cli" validate "$src/tests/core/malformed/a3-date-us.candor"
contains "names the JSON path" "$tmp/err" "a3-date-us.candor: \$.elements.A3.end_date: expected a date YYYY-MM or YYYY-MM-DD"

check "broken JSON" 1 "$cli" validate "$src/tests/core/malformed/trailing-comma.candor"
contains "names line and column" "$tmp/err" "line 3, column 15"

check "missing file" 1 "$cli" validate "$tmp/none.candor"
contains "missing file named" "$tmp/err" "none.candor"

# Files that are not drafts are refused at once, without reading them: a FIFO would block,
# /dev/zero never ends, and a 3 GB sparse file used to be read whole before the size check
# (the timeout turns a wait or a full read into a failure).
mkfifo "$tmp/fifo.candor"
check "fifo refused without blocking" 1 timeout 10 "$cli" validate "$tmp/fifo.candor"
contains "fifo message" "$tmp/err" "is not a regular file"
check "device refused" 1 timeout 10 "$cli" validate /dev/zero
contains "device message" "$tmp/err" "is not a regular file"
check "folder refused" 1 timeout 10 "$cli" validate "$tmp"
contains "folder message" "$tmp/err" "is a folder, not a draft"
truncate -s 3G "$tmp/sparse.candor"
check "huge file refused before reading" 1 timeout 5 "$cli" validate "$tmp/sparse.candor"
contains "huge file message" "$tmp/err" "too large for a draft (3072 MiB; at most 16 MiB)"
rm -f "$tmp/sparse.candor"

check "no argument" 2 "$cli" validate
check "two arguments" 2 "$cli" validate a b
check "unknown option" 2 "$cli" validate --frobnicate x
check "unknown command" 2 "$cli" frobnicate
check "no command" 2 "$cli"
check "help" 0 "$cli" --help
contains "help lists validate" "$tmp/out" "validate DRAFT"
check "version" 0 "$cli" --version
contains "version printed" "$tmp/out" "candor-cli 0.1.0"

# check: the example is complete; an empty draft is not, and says what is missing.
check "check example" 0 "$cli" check "$src/data/examples/smart-camera.candor"
contains "check reports A.3" "$tmp/out" "A.3"
contains "check says ready" "$tmp/out" "Every element is ready."
check "check example json" 0 "$cli" check --json "$src/data/examples/smart-camera.candor"
cp "$tmp/out" "$tmp/check.json"
n=$((n + 1))
if node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const need = ["sentences","words","syllables","complex_words","characters","flesch_reading_ease",
    "flesch_kincaid_grade","gunning_fog","smog","coleman_liau","ari","dale_chall","findings"];
  if (r.ready !== true || r.elements.length !== 6) process.exit(1);
  for (const e of r.elements) for (const k of ["label","web"]) for (const key of need)
    if (!(key in e[k])) { console.error(e.id, k, "lacks", key); process.exit(1); }
' "$tmp/check.json"; then echo "ok $n - check --json has the readability keys per text"; else
  echo "not ok $n - check --json keys"; fail=1; fi

printf '{"format": "candor-disclosure", "version": 1, "product": {"name": "Bare"}, "elements": {}}\n' > "$tmp/bare.candor"
check "check incomplete draft" 1 "$cli" check "$tmp/bare.candor"
contains "check names a missing element" "$tmp/out" "A.1 Can it get security updates?: missing"
check "check invalid draft" 1 "$cli" check "$src/tests/core/malformed/a3-date-us.candor"
contains "check invalid names the path" "$tmp/err" "\$.elements.A3.end_date"
check "check no draft" 2 "$cli" check

# Answers changed outside Candor (here by a script): texts that were generated, not edited,
# follow the answers as they are now wherever they are used, instead of the stale sentences.
node -e '
  const fs = require("fs");
  const d = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  const a = d.elements.A2;
  a.cost = "subscription"; a.price = { amount: "2.99", currency: "EUR" }; a.price_period = "year";
  a.web_edited = false;
  fs.writeFileSync(process.argv[2], JSON.stringify(d, null, 2));
' "$src/data/examples/smart-camera.candor" "$tmp/paid.candor"
check "render a draft whose answers changed" 0 "$cli" render "$tmp/paid.candor" --web "$tmp/paid.html"
contains "web page states the new price" "$tmp/paid.html" "Updates need a subscription of 2.99 euros per year"
n=$((n + 1))
if grep -q "Updates are free" "$tmp/paid.html"; then
  echo "not ok $n - web page still says the stale “Updates are free”"; fail=1
else echo "ok $n - no stale “Updates are free” on the web page"; fi

# The example's A.2 web text was edited by hand and says "Updates are free": with paid answers
# it is not regenerated, and the contradiction blocks (check exits 1, naming the element).
node -e '
  const fs = require("fs");
  const d = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  const a = d.elements.A2;
  a.cost = "subscription"; a.price = { amount: "2.99", currency: "EUR" }; a.price_period = "year";
  fs.writeFileSync(process.argv[2], JSON.stringify(d, null, 2));
' "$src/data/examples/smart-camera.candor" "$tmp/paid-edited.candor"
check "check refuses an edited text that contradicts the answers" 1 "$cli" check "$tmp/paid-edited.candor"
contains "check names the element" "$tmp/out" "A.2 How are updates installed?: needs-work"
contains "check names the contradiction" "$tmp/out" "blocking (a2-text-says-free-but-paid)"

# Readiness (issue 15): a hand-written A.1 web text that reads at a high grade with open
# findings is not ready, and check says why, in text and in --json ("reasons"); dismissing a
# text's only finding makes it ready again.
hard="Notwithstanding the aforementioned considerations, the manufacturer shall endeavour to ascertain the applicability of supplementary firmware modifications pursuant to contractual obligations, subsequently disseminating cryptographic patches via OTA mechanisms whenever commercially reasonable circumstances necessitate such interventions."
node -e '
  const fs = require("fs");
  const d = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  d.elements.A1.web_text = process.argv[3]; d.elements.A1.web_edited = true;
  fs.writeFileSync(process.argv[2], JSON.stringify(d, null, 2));
' "$src/data/examples/smart-camera.candor" "$tmp/hard.candor" "$hard"
check "check refuses a hard web text" 1 "$cli" check "$tmp/hard.candor"
contains "check names the element not ready" "$tmp/out" "A.1 Can it get security updates?: needs-work"
contains "check says the grade blocks" "$tmp/out" "not ready: The web text reads at grade 34"
contains "check says the findings block" "$tmp/out" "not ready: The web text has 5 open readability findings"
contains "check says not every element is ready" "$tmp/out" "Some elements are missing or need work."
check "check --json of a hard web text" 1 "$cli" check --json "$tmp/hard.candor"
cp "$tmp/out" "$tmp/hard.json"
n=$((n + 1))
if node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const a1 = r.elements[0];
  if (r.ready !== false || a1.id !== "A1" || a1.status !== "needs-work") process.exit(1);
  if (!Array.isArray(r.reasons) || r.reasons.length !== 0) process.exit(2);
  const kinds = a1.reasons.map(x => x.kind + ":" + x.field + ":" + x.rule).join(",");
  if (kinds !== "grade:web:readability-grade,findings:web:readability-findings") { console.error(kinds); process.exit(3); }
  if (!a1.reasons.every(x => typeof x.message === "string" && x.message.startsWith("The web text"))) process.exit(4);
  for (const e of r.elements.slice(1)) if (e.status !== "ready" || e.reasons.length !== 0) process.exit(5);
  for (const k of ["issues", "label", "web"]) if (!(k in a1)) process.exit(6);
  const advice = ["wordy-phrase", "hedge", "all-caps"];
  const blocking = a1.web.findings.filter(f => !advice.includes(f.rule)).length;
  if (blocking !== 5 || a1.web.findings.length <= blocking) { console.error(blocking); process.exit(7); }
' "$tmp/hard.json"; then echo "ok $n - check --json lists the reasons A.1 is not ready"; else
  echo "not ok $n - check --json reasons (exit $?)"; sed 's/^/# /' "$tmp/hard.json"; fail=1; fi

jargon="The Lumen Cam 2 gets firmware updates."
node -e '
  const fs = require("fs");
  const d = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  d.elements.A1.web_text = process.argv[3]; d.elements.A1.web_edited = true;
  fs.writeFileSync(process.argv[2], JSON.stringify(d, null, 2));
  d.review = d.review || {};
  d.review.dismissals = [{ element: "A1", field: "web_text", rule: "jargon", quote: "firmware updates",
                           start: 21, reason: "Our buyers know the words" }];
  fs.writeFileSync(process.argv[4], JSON.stringify(d, null, 2));
' "$src/data/examples/smart-camera.candor" "$tmp/jargon.candor" "$jargon" "$tmp/dismissed.candor"
check "check refuses an open jargon finding" 1 "$cli" check "$tmp/jargon.candor"
contains "check names the open finding" "$tmp/out" "not ready: The web text has 1 open readability finding: fix it or dismiss it with a reason."
check "check accepts it once dismissed" 0 "$cli" check "$tmp/dismissed.candor"
contains "dismissed: every element ready" "$tmp/out" "Every element is ready."
n=$((n + 1))
if grep -q "not ready:" "$tmp/out"; then echo "not ok $n - a dismissed finding still blocks"; fail=1
else echo "ok $n - a dismissed finding no longer blocks"; fi
# Review (issue 11): comments anchored to quotes, approvals that lapse, check reporting them.
cp "$src/data/examples/smart-camera.candor" "$tmp/review.candor"
check "review list on a fresh draft" 0 "$cli" review list "$tmp/review.candor"
contains "review list shows draft status" "$tmp/out" "A.1 Can it get security updates?: draft"
contains "review list: no comments" "$tmp/out" "No comments."
check "review comment on a quote" 0 "$cli" review comment "$tmp/review.candor" A3 --field label_text \
  --quote "31 December 2030" --body "Say “at least” here too?" --by "Dana Lawyer"
comment_id=$(cat "$tmp/out")
check "review comment: quote not in the field" 1 "$cli" review comment "$tmp/review.candor" A3 --field web_text \
  --quote "no such words" --body "x" --by "Dana Lawyer"
contains "names the field" "$tmp/err" "A.3 web_text: the quote “no such words” is not in this text"
check "review comment: second occurrence that is not there" 1 "$cli" review comment "$tmp/review.candor" A3 \
  --field label_text --quote "31 December 2030" --occurrence 2 --body "x" --by "Dana Lawyer"
contains "says how often it occurs" "$tmp/err" "occurs only 1 time, not 2"
check "review comment without --by" 2 "$cli" review comment "$tmp/review.candor" A3 --body "x"
check "review comment on a bad element" 2 "$cli" review comment "$tmp/review.candor" C9 --body "x" --by D
check "review comment with a bad field" 2 "$cli" review comment "$tmp/review.candor" A3 --field title --quote x --body x --by D
check "review comment on an answer" 0 "$cli" review comment "$tmp/review.candor" A3 --answer end_date \
  --body "Is this the date in the contract?" --by "Dana Lawyer"
check "review reply" 0 "$cli" review reply "$tmp/review.candor" "$comment_id" --body "Yes, it is." --by "Priya Shah"
check "review resolve" 0 "$cli" review resolve "$tmp/review.candor" "$comment_id" --by "Dana Lawyer"
check "review reply to no comment" 1 "$cli" review reply "$tmp/review.candor" nope --body "x" --by "Priya Shah"
check "review request-changes" 0 "$cli" review request-changes "$tmp/review.candor" B2 --body "Say what stops working." --by "Dana Lawyer"
check "review ready" 0 "$cli" review ready "$tmp/review.candor" B2 --by "Priya Shah"
check "review approve two elements" 0 "$cli" review approve "$tmp/review.candor" A1 A3 --by "Dana Lawyer"
contains "approve says so" "$tmp/out" "A.3 approved"
check "review approve without --by" 2 "$cli" review approve "$tmp/review.candor" A1
check "the reviewed draft is valid" 0 "$cli" validate "$tmp/review.candor"
if [ -n "${CANDOR_NODE:-}" ] && [ -d "$src/tests/js/node_modules/ajv" ]; then
  check "and ajv accepts it" 0 "$CANDOR_NODE" "$src/tests/js/validate-schema.mjs" \
    "$src/data/schema/candor-draft.schema.json" "$tmp/review.candor"
fi
check "review list --json" 0 "$cli" review list --json "$tmp/review.candor"
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const e = Object.fromEntries(r.elements.map((x) => [x.id, x]));
  const c = r.comments.find((x) => x.id === process.argv[2]);
  const ok = e.A1.status === "approved" && e.A1.approved_by === "Dana Lawyer" && e.A1.lapsed === false
    && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(e.A1.approved_at)
    && e.A2.status === "draft" && e.A2.approved_by === null && e.B2.status === "ready"
    && c && c.element === "A3" && c.field === "label_text" && c.quote === "31 December 2030"
    && c.start === 41 && c.end === 57 && c.author === "Dana Lawyer" && c.resolved === true
    && c.detached === false && c.replies.length === 1 && c.replies[0].author === "Priya Shah"
    && r.comments.length === 3 && r.comments.some((x) => x.answer === "end_date" && x.field === null)
    && r.log.map((x) => x.action).join(",") === "resolve,request-changes,ready,approve,approve";
  if (!ok) console.error(JSON.stringify({ A1: e.A1, A2: e.A2, B2: e.B2, c, n: r.comments.length, log: r.log.map((x) => x.action) }));
  process.exit(ok ? 0 : 1);
' "$tmp/out" "$comment_id"
check "review list --json reports comments, statuses and the log" 0 test $? -eq 0

check "check reports approvals" 0 "$cli" check "$tmp/review.candor"
contains "check: approved" "$tmp/out" "review: approved by Dana Lawyer"
contains "check: not approved" "$tmp/out" "review: not approved (ready)"
check "check --require-approval fails when not all are approved" 1 "$cli" check --require-approval "$tmp/review.candor"

# Editing approved text (here by a script) lapses the approval; list and check say so.
node -e '
  const fs = require("fs");
  const d = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  d.elements.A3.label_text = "Security updates until at least the end of 2030.";
  d.elements.A3.label_edited = true;
  fs.writeFileSync(process.argv[1], JSON.stringify(d, null, 2));
' "$tmp/review.candor"
check "review list after an edit" 0 "$cli" review list "$tmp/review.candor"
contains "list shows the lapse" "$tmp/out" "A.3 Until when?: approval lapsed (approved by Dana Lawyer"
# (approving brought the generated label text up to date first: "continue" was in it)
contains "list shows the change word by word" "$tmp/out" "label_text since approval: Security updates [-continue -]until at least [-31 December-]{+the end of+} 2030."
contains "the comment on the changed words is detached, not lost" "$tmp/out" "label_text (detached: its text was removed) “31 December 2030”"
check "check after an edit" 0 "$cli" check --json "$tmp/review.candor"
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const a3 = r.elements.find((x) => x.id === "A3").review;
  process.exit(a3.lapsed === true && a3.approved === false && r.approved === false ? 0 : 1);
' "$tmp/out"
check "check --json reports the lapse" 0 test $? -eq 0
check "review approve all again" 0 "$cli" review approve "$tmp/review.candor" A1 A2 A3 B1 B2 B3 --by "Dana Lawyer"
check "check --require-approval passes when all are approved" 0 "$cli" check --require-approval "$tmp/review.candor"
contains "check: all approved" "$tmp/out" "Every element is approved."
check "review revoke" 0 "$cli" review revoke "$tmp/review.candor" B3 --by "Dana Lawyer" --reason "Check the standard"
check "review revoke what is not approved" 1 "$cli" review revoke "$tmp/review.candor" B3 --by "Dana Lawyer"

check "review --help" 0 "$cli" review --help
contains "review help lists approve" "$tmp/out" "approve DRAFT ELEMENT… --by NAME"
contains "review help lists export" "$tmp/out" "export DRAFT -o REVIEW.pdf"
contains "review help says import is not there" "$tmp/out" "Not in this version: review import"
check "review import is not offered as working" 2 "$cli" review import "$tmp/review.candor" "$tmp/r.pdf"
contains "review import says so" "$tmp/err" "not in this version"
check "review export" 0 "$cli" review export "$tmp/review.candor" -o "$tmp/r.pdf" --paper letter
check "review export: a PDF" 0 sh -c 'head -c 5 "$1" | grep -q "%PDF-"' sh "$tmp/r.pdf"
check "review export: a bad paper size" 2 "$cli" review export "$tmp/review.candor" -o "$tmp/r.pdf" --paper a3
contains "review export names the paper size" "$tmp/err" "a3"
check "review export without -o" 2 "$cli" review export "$tmp/review.candor"
check "review with no subcommand" 2 "$cli" review

# Signing policy: RSA keys under 2048 bits, a key usage without digitalSignature, and an
# extended key usage for servers only are refused with the rule named; a 2048-bit RSA
# code-signing certificate signs, and its bundle verifies.
mkcert() { # name key-args extensions...
  name=$1; keyargs=$2; shift 2
  # shellcheck disable=SC2086
  openssl req -x509 $keyargs -nodes -keyout "$tmp/$name.key" -out "$tmp/$name.crt" -days 30 \
    -subj "/CN=$name" "$@" 2>/dev/null && chmod 600 "$tmp/$name.key"
}
mkcert small "-newkey rsa:1024" -addext keyUsage=digitalSignature
mkcert enc-only "-newkey ec -pkeyopt ec_paramgen_curve:P-256" -addext keyUsage=keyEncipherment
mkcert server-only "-newkey ec -pkeyopt ec_paramgen_curve:P-256" -addext keyUsage=digitalSignature \
  -addext extendedKeyUsage=serverAuth
mkcert good-rsa "-newkey rsa:2048" -addext keyUsage=digitalSignature -addext extendedKeyUsage=codeSigning
check "RSA 1024 refused" 1 "$cli" export "$src/data/examples/smart-camera.candor" -o "$tmp/small.zip" \
  --key "$tmp/small.key" --cert "$tmp/small.crt"
contains "RSA size named" "$tmp/err" "has an RSA key of 1024 bits; Candor accepts RSA keys of at least 2048 bits"
check "keyEncipherment only refused" 1 "$cli" export "$src/data/examples/smart-camera.candor" -o "$tmp/enc.zip" \
  --key "$tmp/enc-only.key" --cert "$tmp/enc-only.crt"
contains "key usage named" "$tmp/err" "may not be used for signatures (its key usage allows neither digitalSignature nor nonRepudiation)"
check "serverAuth only refused" 1 "$cli" export "$src/data/examples/smart-camera.candor" -o "$tmp/srv.zip" \
  --key "$tmp/server-only.key" --cert "$tmp/server-only.crt"
contains "extended key usage named" "$tmp/err" "may not be used to sign bundles (its extended key usage names neither code signing"
# (a signed export needs every element approved: approve a copy of the example first)
cp "$src/data/examples/smart-camera.candor" "$tmp/signed.candor"
check "approve the copy to sign" 0 "$cli" review approve "$tmp/signed.candor" A1 A2 A3 B1 B2 B3 --by "Dana Lawyer"
check "the unapproved example is refused" 1 "$cli" export "$src/data/examples/smart-camera.candor" -o "$tmp/unapproved.zip" \
  --key "$tmp/good-rsa.key" --cert "$tmp/good-rsa.crt"
contains "the review gate names what is not approved" "$tmp/err" "A.1 Can it get security updates?: not approved (status draft)"
check "RSA 2048 code signing signs" 0 "$cli" export "$tmp/signed.candor" -o "$tmp/good.zip" \
  --key "$tmp/good-rsa.key" --cert "$tmp/good-rsa.crt"
check "and verifies" 0 "$cli" verify "$tmp/good.zip"

# Hand-edited A.1 and A.3 texts are checked against the answers too: "cannot be updated"
# while the device gets updates, and an end date other than the answered one, block check
# (exit 1, naming the element and the rule) and export (refused, nothing written).
node -e '
  const fs = require("fs");
  const d = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  d.elements.A1.label_text = "This camera cannot be updated."; d.elements.A1.label_edited = true;
  d.elements.A3.web_text = "The Lumen Cam 2 gets security updates until at least 31 December 2032.";
  d.elements.A3.web_edited = true;
  fs.writeFileSync(process.argv[2], JSON.stringify(d, null, 2));
' "$src/data/examples/smart-camera.candor" "$tmp/a1-a3-edited.candor"
check "check refuses edited A.1 and A.3 texts that contradict the answers" 1 "$cli" check "$tmp/a1-a3-edited.candor"
contains "check names A.1" "$tmp/out" "A.1 Can it get security updates?: needs-work"
contains "check names the A.1 rule" "$tmp/out" "blocking (a1-text-says-cannot-update-but-can)"
contains "check names A.3" "$tmp/out" "A.3 Until when?: needs-work"
contains "check names the A.3 rule and both dates" "$tmp/out" "blocking (a3-text-date-differs): The web text names “31 December 2032”, but the answers give 31 December 2030 as the end of security updates."
check "export refuses them" 1 "$cli" export "$tmp/a1-a3-edited.candor" -o "$tmp/a1-a3.zip" \
  --key "$tmp/good-rsa.key" --cert "$tmp/good-rsa.crt"
contains "export names A.1" "$tmp/err" "A.1 Can it get security updates?: The label text says the device cannot get updates"
contains "export names A.3" "$tmp/err" "A.3 Until when?: The web text names “31 December 2032”"
n=$((n + 1))
if [ -e "$tmp/a1-a3.zip" ]; then echo "not ok $n - a refused export wrote a bundle"; fail=1
else echo "ok $n - a refused export writes no bundle"; fi
# Saying “indefinitely” while an end date is answered blocks too; the example as shipped passes.
node -e '
  const fs = require("fs");
  const d = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  d.elements.A3.web_text = "Security updates for the Lumen Cam 2 continue indefinitely.";
  d.elements.A3.web_edited = true;
  fs.writeFileSync(process.argv[2], JSON.stringify(d, null, 2));
' "$src/data/examples/smart-camera.candor" "$tmp/a3-indefinitely.candor"
check "check refuses “indefinitely” with an end date" 1 "$cli" check "$tmp/a3-indefinitely.candor"
contains "names the no-end rule" "$tmp/out" "blocking (a3-text-says-no-end-but-date)"
check "the example itself passes check" 0 "$cli" check "$src/data/examples/smart-camera.candor"

# Signing identities: "identity new --for DRAFT" is valid until a year after the end of
# security updates the draft gives (the example: 31 December 2030), not a fixed three years;
# export warns when the signer's certificate ends before that date.
ids="$tmp/identities"
check "identity new --for the example" 0 env PW=secret-pass "$cli" identity new lumen \
  --organisation "Lumen Home Ltd." --email security@lumenhome.example \
  --for "$src/data/examples/smart-camera.candor" --dir "$ids" --passphrase-env PW
year=$(openssl x509 -in "$ids/lumen/cert.pem" -noout -enddate | sed 's/.* \([0-9][0-9][0-9][0-9]\) GMT$/\1/')
n=$((n + 1))
if [ "$year" -ge 2031 ]; then echo "ok $n - the identity is valid past 31 December 2030 (until $year)"
else echo "not ok $n - the identity ends in $year, before security updates end"; fail=1; fi
check "identity new without --for or --days" 0 env PW=secret-pass "$cli" identity new plain \
  --organisation "Lumen Home Ltd." --email security@lumenhome.example --dir "$ids" --passphrase-env PW
days=$(( ( $(date -d "$(openssl x509 -in "$ids/plain/cert.pem" -noout -enddate | cut -d= -f2)" +%s) \
          - $(date -d "$(openssl x509 -in "$ids/plain/cert.pem" -noout -startdate | cut -d= -f2)" +%s) ) / 86400 ))
n=$((n + 1))
if [ "$days" -eq 1095 ]; then echo "ok $n - without a draft, three years"; else echo "not ok $n - $days days"; fail=1; fi
check "identity new --days 30" 0 env PW=secret-pass "$cli" identity new short \
  --organisation "Lumen Home Ltd." --email security@lumenhome.example --days 30 --dir "$ids" --passphrase-env PW
check "identity new refuses --for with --days" 2 env PW=secret-pass "$cli" identity new both \
  --organisation O --email a@b.example --days 30 --for "$src/data/examples/smart-camera.candor" --dir "$ids" --passphrase-env PW
check "identity new needs a passphrase" 2 "$cli" identity new nopass --organisation O --email a@b.example --dir "$ids"
check "identity list" 0 "$cli" identity list --dir "$ids"
contains "list names the identity" "$tmp/out" "lumen	EMAIL=security@lumenhome.example,O=Lumen Home Ltd.,CN=Lumen Home Ltd."
check "identity show" 0 "$cli" identity show lumen --dir "$ids"
contains "show gives the fingerprint" "$tmp/out" "SHA-256 fingerprint:"
check "identity export-cert" 0 "$cli" identity export-cert lumen --dir "$ids" -o "$tmp/lumen.pem"
check "the exported certificate is the identity's" 0 cmp "$tmp/lumen.pem" "$ids/lumen/cert.pem"
check "identity show of a missing one" 1 "$cli" identity show nobody --dir "$ids"
check "identity: unknown sub-command" 2 "$cli" identity rename lumen
# (a copy: an export with --override-review records the override in the draft it exports)
cp "$src/data/examples/smart-camera.candor" "$tmp/smart-camera.candor"
check "export with a 30-day identity" 0 env PW=secret-pass "$cli" export "$tmp/smart-camera.candor" \
  -o "$tmp/short.zip" --identity "$ids/short" --passphrase-env PW --override-review "identity test, not for release"
contains "warns that it expires before support ends" "$tmp/err" \
  "smart-camera.candor: The signing certificate expires on"
contains "names the end of security updates" "$tmp/err" "before security updates end on 31 December 2030."
check "export with the identity made for the draft" 0 env PW=secret-pass "$cli" export \
  "$tmp/smart-camera.candor" -o "$tmp/covered.zip" --identity "$ids/lumen" --passphrase-env PW \
  --override-review "identity test, not for release"
n=$((n + 1))
if grep -q "expires on" "$tmp/err"; then echo "not ok $n - warned although the identity covers the end"; fail=1
else echo "ok $n - no warning when the identity covers the end"; fi

echo "1..$n"
exit $fail
