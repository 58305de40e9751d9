// A small static file server for dist/: used by scripts/serve and the end-to-end tests.
// Serves .wasm as application/wasm (needed for streaming compilation) and never lists folders.
// Sends the headers that the folder's _headers file (written by scripts/build-dist.mjs) names for
// the path asked for: each page's Content-Security-Policy with its frame-ancestors, which only a
// header can carry.
// Usage: node scripts/static-server.mjs <folder> [port]   (port 0 picks a free one)
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";

export const MIME = {
  ".html": "text/html; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Reads a _headers file (Netlify/Cloudflare Pages format: a path on a line of its own, then its
 * headers indented as "Name: value"; # starts a comment) into Map<path, { name: value }>. Only
 * exact paths, which is all build-dist.mjs writes.
 */
export function parseHeaders(text) {
  const byPath = new Map();
  let current = null;
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      current = {};
      byPath.set(line.trim(), current);
    } else if (current) {
      const at = line.indexOf(":");
      if (at > 0) current[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return byPath;
}

async function headersFor(root, path) {
  try {
    return parseHeaders(await readFile(join(root, "_headers"), "utf8")).get(path) ?? {};
  } catch {
    return {};
  }
}

/**
 * Starts serving `folder` on 127.0.0.1:`port`; resolves to the node:http server once listening.
 * `headers` are sent with every response, after (so instead of) those _headers names.
 */
export function serve(folder, port = 0, { headers = {} } = {}) {
  const root = resolve(folder);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
      let file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) throw Object.assign(new Error("outside"), { code: "ENOENT" });
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, {
        "Content-Type": MIME[extname(file)] ?? "application/octet-stream",
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "no-cache",
        ...(await headersFor(root, path)),
        ...headers,
      });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch (e) {
      res.writeHead(e.code === "ENOENT" || e.code === "ENOTDIR" ? 404 : 500, { "Content-Type": "text/plain" });
      res.end("Not found");
    }
  });
  return new Promise((ok) => server.listen(port, "127.0.0.1", () => ok(server)));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [folder = "dist", port = "8080"] = process.argv.slice(2);
  const server = await serve(folder, Number(port));
  const url = `http://127.0.0.1:${server.address().port}/`;
  const wasm = await fetch(new URL("pkg/stocktake_bg.wasm", url));
  console.log(`.wasm is served as ${wasm.headers.get("content-type")}`);
  console.log(`\nStocktake is running at ${url}\nPress Ctrl+C to stop.`);
}
