// SPDX-License-Identifier: GPL-3.0-or-later
// Validates JSON files against a Candor JSON Schema with ajv, an independent validator.
// Usage: node validate-schema.mjs SCHEMA.json FILE...   (exit 0 if all valid)
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const [schemaPath, ...files] = process.argv.slice(2);
if (!schemaPath || files.length === 0) {
  console.error("usage: validate-schema.mjs SCHEMA FILE...");
  process.exit(2);
}

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
// Our own annotations and formats (see src/core/candor-schema.h).
ajv.addKeyword("x-candor-expected");
// Checked here too, independently of Candor's validator: no invisible formatting characters.
ajv.addKeyword({
  keyword: "x-candor-no-invisible",
  type: "string",
  schemaType: "boolean",
  validate: (on, data) => !on || !/[\p{Cf}\u2028\u2029]/u.test(data),
});
ajv.addFormat("partial-date", /^[0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$/);

const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));
let failed = 0;
for (const file of files) {
  const data = JSON.parse(readFileSync(file, "utf8"));
  if (validate(data)) {
    console.log(`ok ${file}`);
  } else {
    failed++;
    for (const e of validate.errors) console.error(`${file}: ${e.instancePath || "/"} ${e.message}`);
  }
}
process.exit(failed ? 1 : 0);
