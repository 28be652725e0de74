#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Reads meson's testlog.json files and prints one line "N passed, N failed, N skipped".
# Usage: summarize-tests.py BUILD_FAILURES TESTLOG.json...   Exit 1 if anything failed.
import json
import sys

passed = failed = skipped = 0
failed_names = []
build_failures = int(sys.argv[1])
for path in sys.argv[2:]:
    try:
        with open(path, encoding="utf-8") as log:
            lines = [line for line in log if line.strip()]
    except FileNotFoundError:
        continue
    for line in lines:
        result = json.loads(line)
        status = result.get("result")
        if status in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif status == "SKIP":
            skipped += 1
        else:
            failed += 1
            failed_names.append(f"{path.split('/')[1]}: {result.get('name')} ({status})")

for name in failed_names:
    print(f"FAILED {name}")
if build_failures:
    print(f"FAILED {build_failures} build(s) did not configure or compile")
failed += build_failures
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
