// How much the first page of the built UI loads, as the real server sends it: the JavaScript
// index.html names (the entry and the modules it preloads) and its style sheet, each fetched over
// HTTP as is, with gzip and with brotli. Needs the builds (pnpm --filter @oha/api... --filter
// @oha/admin build). Prints a Markdown table for BENCHMARKS.md.
import { readdirSync, statSync } from "node:fs";
import { get } from "node:http";
import { join } from "node:path";
import { adminDir, startServer } from "../e2e/server.js";

function size(url: string, encoding?: string): Promise<{ bytes: number; encoding: string }> {
  return new Promise((ok, fail) => {
    get(url, { headers: encoding ? { "Accept-Encoding": encoding } : {} }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on("end", () => ok({ bytes, encoding: String(res.headers["content-encoding"] ?? "identity") }));
      res.on("error", fail);
    }).on("error", fail);
  });
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

const server = await startServer();
try {
  const html = await (await fetch(`${server.url}/`)).text();
  const scripts = [
    ...[...html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g)].map((m) => m[1] as string),
    ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)].map((m) => m[1] as string),
  ];
  const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+\.css)"/g)].map(
    (m) => m[1] as string,
  );
  const rows: string[] = [];
  const total = { raw: 0, gzip: 0, br: 0 };
  for (const path of [...scripts, ...styles]) {
    const url = `${server.url}${path}`;
    const [raw, gzip, br] = [await size(url), await size(url, "gzip"), await size(url, "br")];
    if (path.endsWith(".js")) {
      total.raw += raw.bytes;
      total.gzip += gzip.bytes;
      total.br += br.bytes;
    }
    rows.push(
      `| \`${path.replace(/^\/assets\//, "")}\` | ${kb(raw.bytes)} | ${kb(gzip.bytes)} | ${kb(br.bytes)} |`,
    );
  }
  const assets = join(adminDir, "dist", "assets");
  const allJs = readdirSync(assets)
    .filter((f) => f.endsWith(".js"))
    .reduce((sum, f) => sum + statSync(join(assets, f)).size, 0);
  console.log("| file | raw (KB) | gzip (KB) | brotli (KB) |");
  console.log("| --- | ---: | ---: | ---: |");
  for (const row of rows) console.log(row);
  console.log(
    `| **first page's JavaScript** | **${kb(total.raw)}** | **${kb(total.gzip)}** | **${kb(total.br)}** |`,
  );
  console.log(
    `\nEvery JavaScript file of the build together: ${kb(allJs)} KB raw (${scripts.length} of them load first).`,
  );
} finally {
  await server.stop();
}
