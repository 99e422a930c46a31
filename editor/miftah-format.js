// The canonical record layout, in the browser: the same rules as hooks/miftah/editing/recordformat.py
// (read that module's docstring). tests/test_editor.py runs both over every record and compares
// the bytes, so a record saved in the editor is exactly what `make format` writes.
import { parseDocument, isMap, isSeq, isScalar } from "./vendor/yaml/index.js";

export const COMMENTS_KEY = "_miftah_comments"; // carried in the entry's data between read and write
const INDENT = "  ";
const END = "$end";
const DEPTH = { product: 2, cooperative: 2, programme: 1 };
const AMBIGUOUS = [
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^(?:~|null|Null|NULL)$/,
  /^[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?$/,
  /^[-+]?0[xob][0-9a-fA-F_]+$/,
  /^[-+]?\.(?:inf|Inf|INF)$/,
  /^\.(?:nan|NaN|NAN)$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/,
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}/,
  /^(?:<<|=)$/,
];
const NULL_WORDS = ["~", "null", "Null", "NULL"];
const UNSAFE_FIRST = "?:,[]{}#&*!|>'\"%@`";
const UNSAFE_CHARS = /[\x00-\x1f\x7f\x85\u2028\u2029\ufeff]/;

// --- reading ---------------------------------------------------------------------------------

export function read(text) {
  const doc = parseDocument(text, { schema: "failsafe", uniqueKeys: false });
  if (doc.errors.length) throw new Error(doc.errors.map((error) => error.message).join("\n"));
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  const at = (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low, column: offset - starts[low] };
  };
  const anchors = [];
  const covered = new Set();
  const lines = text.split("\n");
  if (doc.contents === null) return { value: {}, comments: emptyComments() };
  if (!isMap(doc.contents)) throw new Error("the top of the file is not a mapping");
  const value = toValue(doc.contents, "", anchors, covered, at);
  return { value, comments: collectComments(lines, anchors, covered) };
}

function emptyComments() {
  return { before: {}, inline: {}, order: [] };
}

function cover(covered, from, to) {
  for (let line = from; line <= to; line++) covered.add(line);
}

function toValue(node, path, anchors, covered, at) {
  if (node === null || node === undefined) return null;
  const start = at(node.range[0]);
  const end = at(node.range[1]);
  if (isScalar(node)) {
    if (start.line < end.line) cover(covered, start.line + 1, end.column ? end.line : end.line - 1);
    const text = node.value === null || node.value === undefined ? "" : String(node.value);
    if (node.type === "PLAIN" && (text === "" || NULL_WORDS.includes(text))) return null;
    if (node.type === "PLAIN" && (text === "true" || text === "false")) return text === "true";
    return text;
  }
  if (isSeq(node)) {
    if (node.flow) {
      cover(covered, start.line + 1, end.line);
      return node.items.map((item, i) => toValue(item, `${path}[${i}]`, [], covered, at));
    }
    return node.items.map((item, i) => {
      const itemPath = `${path}[${i}]`;
      const itemStart = at(item.range[0]);
      const itemEnd = at(item.range[1]);
      const single = isScalar(item) && itemStart.line === itemEnd.line;
      anchors.push([itemStart.line, itemStart.column - 2, itemPath, single ? itemEnd.column : -1, "value"]);
      return toValue(item, itemPath, anchors, covered, at);
    });
  }
  if (node.flow) cover(covered, start.line + 1, end.line);
  const mapping = {};
  for (const pair of node.items) {
    const key = String(pair.key.value);
    const childPath = path ? `${path}.${key}` : key;
    const keyStart = at(pair.key.range[0]);
    const keyEnd = at(pair.key.range[1]);
    const child = pair.value;
    if (!node.flow) {
      if (child && isScalar(child) && (child.type === "BLOCK_LITERAL" || child.type === "BLOCK_FOLDED")) {
        // the header "|" starts where the value's range starts, after the key's colon
        anchors.push([keyStart.line, keyStart.column, childPath, keyEnd.column, "block"]);
      } else if (!child || (at(child.range[0]).line === keyStart.line && at(child.range[1]).line === keyStart.line)) {
        const column = child ? at(child.range[1]).column : keyEnd.column;
        anchors.push([keyStart.line, keyStart.column, childPath, column, child ? "value" : "key"]);
      } else {
        anchors.push([keyStart.line, keyStart.column, childPath, keyEnd.column, "key"]);
      }
    }
    mapping[key] = toValue(child, childPath, node.flow ? [] : anchors, covered, at);
  }
  return mapping;
}

function collectComments(lines, anchors, covered) {
  const sorted = [...anchors].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const comments = { before: {}, inline: {}, order: sorted.map((anchor) => anchor[2]) };
  const byLine = new Map();
  for (const anchor of sorted) {
    if (!byLine.has(anchor[0])) byLine.set(anchor[0], []);
    byLine.get(anchor[0]).push(anchor);
  }
  let pending = [];
  lines.forEach((line, number) => {
    if (covered.has(number)) return;
    const stripped = line.trim();
    if (stripped.startsWith("#")) {
      if (!(number === 0 && stripped.startsWith("# yaml-language-server:"))) pending.push(stripped.slice(1).trim());
      return;
    }
    const here = byLine.get(number);
    if (!here) return;
    if (pending.length) {
      comments.before[here[0][2]] = [...(comments.before[here[0][2]] || []), ...pending];
      pending = [];
    }
    for (const [, , path, search, mode] of here) {
      if (search < 0) continue;
      const note = inline(line, search, mode);
      if (note !== null) comments.inline[path] = note;
    }
  });
  if (pending.length) comments.before[END] = pending;
  return comments;
}

function inline(line, column, mode) {
  let rest = line.slice(column).replace(/^\s+/, "");
  if ((mode === "key" || mode === "block") && rest.startsWith(":")) rest = rest.slice(1).replace(/^\s+/, "");
  if (mode === "block") rest = rest.replace(/^[|>][-+0-9]*/, "").replace(/^\s+/, "");
  return rest.startsWith("#") ? rest.slice(1).trim() : null;
}

// --- writing ---------------------------------------------------------------------------------

export function write(kindName, shape, value, comments = emptyComments()) {
  const out = [`# yaml-language-server: $schema=${"../".repeat(DEPTH[kindName])}schemas/${kindName}.schema.json`];
  const pruned = prune(value) || {};
  const moved = relocate(comments, pruned);
  const [hoisted, lines] = mapping(shape, pruned, "", 0, moved);
  out.push(...notes(hoisted, 0), ...lines, ...notes(moved.before[END] || [], 0));
  return out.join("\n") + "\n";
}

function relocate(comments, value) {
  const alive = new Set(paths(value, ""));
  const moved = { before: {}, inline: {}, order: [] };
  for (const [path, note] of Object.entries(comments.inline || {})) if (alive.has(path)) moved.inline[path] = note;
  let carry = [];
  for (const path of comments.order || []) {
    const before = (comments.before || {})[path] || [];
    if (alive.has(path)) {
      if (carry.length || before.length) moved.before[path] = [...carry, ...before];
      carry = [];
    } else {
      const note = (comments.inline || {})[path];
      carry.push(...before, ...(note === undefined ? [] : [note]));
    }
  }
  moved.before[END] = [...carry, ...((comments.before || {})[END] || [])];
  return moved;
}

function paths(value, path) {
  const found = [];
  if (Array.isArray(value)) {
    value.forEach((inner, i) => found.push(`${path}[${i}]`, ...paths(inner, `${path}[${i}]`)));
  } else if (value !== null && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      const child = path ? `${path}.${key}` : key;
      found.push(child, ...paths(inner, child));
    }
  }
  return found;
}

export function prune(value) {
  if (Array.isArray(value)) {
    const items = value.map(prune).filter((item) => item !== null);
    return items.length ? items : null;
  }
  if (value !== null && typeof value === "object") {
    const kept = {};
    for (const [key, inner] of Object.entries(value)) {
      if (key === COMMENTS_KEY) continue;
      const pruned = prune(inner);
      if (pruned !== null) kept[key] = pruned;
    }
    return Object.keys(kept).length ? kept : null;
  }
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : null;
  return value;
}

function notes(list, depth) {
  return list.map((note) => `${INDENT.repeat(depth)}# ${note}`.trimEnd());
}

function fieldsOf(shape, value) {
  let known = [];
  if (shape && shape.t === "record") known = shape.fields;
  else if (shape && shape.t === "translated") known = shape.codes.map((code) => [code, { t: "text" }]);
  const names = new Set(known.map(([name]) => name));
  return [
    ...known.filter(([name]) => name in value),
    ...Object.keys(value)
      .filter((key) => !names.has(key))
      .map((key) => [key, null]),
  ];
}

function mapping(shape, value, path, depth, comments) {
  const lines = [];
  let hoisted = [];
  fieldsOf(shape, value).forEach(([key, inner], index) => {
    const childPath = path ? `${path}.${key}` : key;
    const before = comments.before[childPath] || [];
    if (index === 0) hoisted = before;
    else lines.push(...notes(before, depth));
    lines.push(...entry(key, inner, value[key], childPath, depth, comments));
  });
  return [hoisted, lines];
}

function tailOf(comments, path) {
  const note = comments.inline[path];
  return note === undefined ? "" : ` # ${note}`.trimEnd();
}

function entry(key, shape, value, path, depth, comments) {
  const head = `${INDENT.repeat(depth)}${scalar(key, false)}:`;
  const tail = tailOf(comments, path);
  if (Array.isArray(value)) {
    const itemShape = shape && shape.t === "list" ? shape.item : null;
    if (value.every((item) => item === null || typeof item !== "object")) {
      const numeric = Boolean(itemShape && itemShape.t === "number");
      return [`${head} [${value.map((item) => scalar(item, numeric, true)).join(", ")}]${tail}`];
    }
    return [head + tail, ...items(itemShape, value, path, depth + 1, comments)];
  }
  if (value !== null && typeof value === "object") {
    const [hoisted, lines] = mapping(shape, value, path, depth + 1, comments);
    return [head + tail, ...notes(hoisted, depth + 1), ...lines];
  }
  if (typeof value === "string" && value.includes("\n") && literalOk(value)) {
    return [`${head} ${blockHeader(value)}${tail}`, ...blockLines(value, depth + 1)];
  }
  return [`${head} ${scalar(value, Boolean(shape && shape.t === "number"))}${tail}`];
}

function items(itemShape, list, path, depth, comments) {
  const pad = INDENT.repeat(depth);
  const lines = [];
  list.forEach((item, index) => {
    const itemPath = `${path}[${index}]`;
    const before = [...(comments.before[itemPath] || [])];
    if (item !== null && typeof item === "object" && !Array.isArray(item)) {
      const [hoisted, inner] = mapping(itemShape, item, itemPath, depth + 1, comments);
      lines.push(...notes([...before, ...hoisted], depth));
      lines.push(`${pad}- ${inner[0].replace(/^\s+/, "")}`, ...inner.slice(1));
      return;
    }
    lines.push(...notes(before, depth));
    const tail = tailOf(comments, itemPath);
    if (Array.isArray(item)) {
      lines.push(`${pad}- [${item.map((inner) => scalar(inner, false, true)).join(", ")}]${tail}`);
    } else {
      lines.push(`${pad}- ${scalar(item, Boolean(itemShape && itemShape.t === "number"))}${tail}`);
    }
  });
  return lines;
}

export function scalar(value, numeric, flow = false) {
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = String(value);
  return plainOk(text, numeric, flow) ? text : JSON.stringify(text);
}

export function plainOk(text, numeric, flow = false) {
  if (!text || text !== text.replace(/^[ \t]+|[ \t]+$/g, "") || UNSAFE_CHARS.test(text) || text.includes("\t")) {
    return false;
  }
  if (UNSAFE_FIRST.includes(text[0]) || (text[0] === "-" && (text.length === 1 || text[1] === " "))) return false;
  if (text.includes(": ") || text.includes(" #") || text.endsWith(":")) return false;
  if (flow && /[,[\]{}:]/.test(text)) return false;
  if (NULL_WORDS.includes(text)) return false;
  return numeric || !AMBIGUOUS.some((pattern) => pattern.test(text));
}

function literalOk(text) {
  const lines = text.split("\n");
  if (UNSAFE_CHARS.test(text.replaceAll("\n", "").replaceAll("\t", ""))) return false;
  if (lines.some((line) => line.startsWith("\t") || (line && !line.replace(/ /g, "")))) return false;
  const first = lines.find((line) => line) || "";
  return Boolean(first) && !first.startsWith(" ");
}

function blockHeader(text) {
  const trailing = text.length - text.replace(/\n+$/, "").length;
  return trailing === 0 ? "|-" : trailing === 1 ? "|" : "|+";
}

function blockLines(text, depth) {
  let lines = text.split("\n");
  if (text.endsWith("\n")) lines = lines.slice(0, -1);
  return lines.map((line) => (line ? `${INDENT.repeat(depth)}${line}` : ""));
}

// --- the editor's format (CMS.registerCustomFormat) -------------------------------------------

export function recordFormat(kindName, shape) {
  return {
    fromFile(content) {
      const { value, comments } = read(content);
      return { ...value, [COMMENTS_KEY]: comments };
    },
    toFile(data) {
      const comments = (data && data[COMMENTS_KEY]) || emptyComments();
      return write(kindName, shape, data, comments);
    },
  };
}

export function formatText(text, kindName, shape) {
  const { value, comments } = read(text);
  return write(kindName, shape, value, comments);
}
