// Starts Decap CMS with the configuration generated from the schema (config.json, `make schemas`):
// the interface language chosen on the page, the records' own YAML layout (miftah-format.js),
// safe names for uploaded photos, and the local backend when the page is served by `make edit`.
// Arabic: Decap ships no Arabic words, so ours (decap-locale-ar.js, machine-drafted, awaiting a
// native speaker's review) are registered before CMS.init, and the page is laid out right to left.
import { recordFormat } from "./miftah-format.js";

const LANGUAGES = ["fr", "en", "ar"];

function chosenLanguage() {
  const asked = new URLSearchParams(location.search).get("lang");
  if (LANGUAGES.includes(asked)) {
    localStorage.setItem("miftah-editor-lang", asked);
    return asked;
  }
  const kept = localStorage.getItem("miftah-editor-lang");
  if (LANGUAGES.includes(kept)) return kept;
  const browser = navigator.language || "";
  if (browser.startsWith("ar")) return "ar";
  return browser.startsWith("en") ? "en" : "fr";
}

// The name a photo gets in the record's folder: the same rule as kinds.safe_file_name, after
// taking accents off ("Été (1).JPG" → "ete-1.jpg"), so that `make check` accepts it.
export function safeFileName(name) {
  const plain = name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const dot = plain.lastIndexOf(".");
  const stem = dot > 0 ? plain.slice(0, dot) : plain;
  const extension = dot > 0 ? plain.slice(dot + 1).replace(/[^a-z0-9]/g, "") : "";
  const cleaned = stem.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "photo";
  return extension ? `${cleaned}.${extension}` : cleaned;
}

// Rename files as they are chosen, before the CMS reads them (capture phase, on the window).
window.addEventListener(
  "change",
  (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== "file" || !input.files || !input.files.length) return;
    const renamed = new DataTransfer();
    let changed = false;
    for (const file of input.files) {
      const safe = safeFileName(file.name);
      changed = changed || safe !== file.name;
      renamed.items.add(safe === file.name ? file : new File([file], safe, { type: file.type, lastModified: file.lastModified }));
    }
    if (changed) input.files = renamed.files;
  },
  true,
);

const lang = chosenLanguage();
document.documentElement.lang = lang;
document.documentElement.dir = lang === "ar" ? "rtl" : "ltr";
for (const link of document.querySelectorAll(".miftah-languages a")) {
  if (link.hreflang === lang) link.setAttribute("aria-current", "true");
}

const generated = await (await fetch("config.json", { cache: "no-cache" })).json();
const config = structuredClone(generated.cms[lang]);
if (["127.0.0.1", "localhost"].includes(location.hostname)) {
  // `make edit`: the working copy, through the local backend served next to this page.
  config.local_backend = { url: `${location.origin}/api/v1` };
}
for (const [kind, shape] of Object.entries(generated.shapes)) {
  window.CMS.registerCustomFormat(`miftah-${kind}`, "yml", recordFormat(kind, shape));
}
if (lang === "ar") {
  const { default: arabic } = await import("./decap-locale-ar.js");
  window.CMS.registerLocale("ar", arabic);
}
window.CMS.init({ config });
