// How the built UI and the API reference are delivered by the real server, over real HTTP: the
// first page's JavaScript, compression by Accept-Encoding, cache rules, no source maps, JSON 404s
// below the API's own paths, and both the UI and /docs working with no host but this server.
import { readdirSync, rmSync, writeFileSync } from "node:fs";
import { get, type IncomingHttpHeaders } from "node:http";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminDir, startServer, type TestServer } from "./server.js";

const executablePath = process.env.OHA_CHROMIUM ?? "/usr/bin/chromium";

/** The most JavaScript the first page may load, compressed with gzip (bytes). */
const firstPageGzipBudget = 250 * 1024;

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A GET whose body is left as sent (fetch would decompress it). */
function raw(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((ok, fail) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on("error", fail);
    }).on("error", fail);
  });
}

/** The scripts index.html loads at once: the entry and every module it preloads. */
function firstPageScripts(html: string): string[] {
  const entry = [...html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g)].map((m) => m[1] as string);
  const preloaded = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)].map(
    (m) => m[1] as string,
  );
  return [...entry, ...preloaded];
}

let server: TestServer;
let html = "";
let scripts: string[] = [];

beforeAll(async () => {
  server = await startServer();
  html = await (await fetch(`${server.url}/`)).text();
  scripts = firstPageScripts(html);
});
afterAll(async () => {
  await server?.stop();
});

describe("the built UI as the server delivers it", () => {
  it("loads only the frame and the start page at first; every other page is a file of its own", () => {
    expect(scripts.length).toBeGreaterThan(0);
    const built = readdirSync(join(adminDir, "dist", "assets")).filter((f) => f.endsWith(".js"));
    for (const page of ["actors", "meetings", "measures", "import", "generic"]) {
      const file = built.find((f) => f.startsWith(`${page}-`));
      expect(file, `${page} has a file of its own (${built.join(", ")})`).toBeDefined();
      expect(scripts).not.toContain(`/assets/${file}`);
    }
  });

  it("sends the first page's JavaScript brotli- or gzip-compressed, within the budget, cached for a year", async () => {
    const sizes = { raw: 0, gzip: 0, br: 0 };
    for (const src of scripts) {
      const plain = await raw(`${server.url}${src}`);
      expect(plain.status, src).toBe(200);
      expect(plain.headers["content-encoding"], src).toBeUndefined();
      expect(plain.headers["content-type"], src).toMatch(/^(text|application)\/javascript/);
      sizes.raw += plain.body.length;
      for (const [encoding, decode] of [
        ["br", brotliDecompressSync],
        ["gzip", gunzipSync],
      ] as const) {
        const res = await raw(`${server.url}${src}`, { "Accept-Encoding": `${encoding}, deflate` });
        expect(res.status, src).toBe(200);
        expect(res.headers["cache-control"], src).toBe("public, max-age=31536000, immutable");
        expect(res.headers.vary, src).toMatch(/Accept-Encoding/i);
        if (plain.body.length < 1024) continue; // tiny files are sent as they are
        expect(res.headers["content-encoding"], src).toBe(encoding);
        expect(decode(res.body).equals(plain.body), `${src} decompresses to the file`).toBe(true);
        sizes[encoding] += res.body.length;
      }
    }
    expect(sizes.gzip, JSON.stringify(sizes)).toBeLessThanOrEqual(firstPageGzipBudget);
    expect(sizes.br).toBeLessThan(sizes.gzip);
  });

  it("revalidates index.html on every load, also at deep links", async () => {
    for (const path of ["/", "/actors/act_000000000001/edit", "/sign-in"]) {
      const res = await raw(`${server.url}${path}`, { "Accept-Encoding": "gzip" });
      expect(res.status, path).toBe(200);
      expect(res.headers["content-type"], path).toMatch(/^text\/html/);
      expect(res.headers["cache-control"], path).toBe("no-cache");
      expect(res.headers.vary, path).toMatch(/Accept-Encoding/i);
    }
  });

  it("serves no source maps", async () => {
    const built = readdirSync(join(adminDir, "dist", "assets"));
    expect(built.filter((f) => f.endsWith(".map"))).toEqual([]);
    for (const src of scripts) {
      const res = await raw(`${server.url}${src}.map`);
      expect(res.status, `${src}.map`).toBe(404);
      expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    }
    // Not even one a build left beside the files (a build with source maps switched on).
    const probe = join(adminDir, "dist", "assets", `probe-${process.pid}.js.map`);
    writeFileSync(probe, '{"version":3,"sources":["src/secret.ts"],"mappings":""}');
    try {
      for (const path of [`/assets/probe-${process.pid}.js.map`, `/assets/probe-${process.pid}.js.map?x=1`]) {
        const res = await raw(`${server.url}${path}`, { "Accept-Encoding": "br, gzip" });
        expect(res.status, path).toBe(404);
        expect(res.body.toString("utf8")).not.toContain("secret");
      }
    } finally {
      rmSync(probe);
    }
  });

  it("answers a missing asset with 404, never with the UI's page", async () => {
    const res = await raw(`${server.url}/assets/index-doesnotexist.js`);
    expect(res.status).toBe(404);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  });

  it("answers unknown paths below /api, /public, /oparl and /hsds with a localised JSON 404", async () => {
    const paths = [
      "/api/v1/nothing-here",
      "/api/nothing",
      "/public/nothing",
      "/oparl/nothing",
      "/hsds/nothing",
    ];
    for (const path of paths) {
      for (const [language, title] of [
        ["de", "Nicht gefunden."],
        ["en", "Not found."],
      ] as const) {
        const res = await fetch(`${server.url}${path}`, {
          headers: { Authorization: `Bearer ${server.adminKey}`, "Accept-Language": language },
        });
        expect(res.status, `${path} (${language})`).toBe(404);
        expect(res.headers.get("content-type"), path).toMatch(/^application\/problem\+json/);
        const body = (await res.json()) as { code: string; title: string };
        expect(body, path).toMatchObject({ code: "not_found", title });
      }
    }
    // Without a key, /api asks for one first (it does not say which paths exist).
    expect((await fetch(`${server.url}/api/v1/nothing-here`)).status).toBe(401);
    // Any other path is the UI's (its router shows its own "not found").
    const ui = await fetch(`${server.url}/some/page`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('<div id="root">');
  });
});

describe("with no host reachable but this server", () => {
  it("shows the UI's sign-in page and the API reference, and asks no other host for anything", async () => {
    const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
    try {
      const context = await browser.newContext();
      context.setDefaultTimeout(300_000);
      const elsewhere: string[] = [];
      const problems: string[] = [];
      await context.route("**/*", (route) => {
        const url = new URL(route.request().url());
        if (url.origin === server.url) return route.continue();
        elsewhere.push(url.href);
        return route.abort("internetdisconnected");
      });
      const page = await context.newPage();
      page.on("console", (message) => {
        if (message.type() === "error") problems.push(message.text());
      });
      page.on("pageerror", (error) => problems.push(error.message));

      await page.goto(`${server.url}/sign-in`);
      await page.getByRole("button", { name: "Anmelden" }).waitFor();

      await page.goto(`${server.url}/docs`);
      // Rendered by the reference's script from /openapi.json: the API's title and an operation.
      await page
        .getByRole("heading", { name: /OHA API/ })
        .first()
        .waitFor();
      await page.getByText("/api/v1/actors").first().waitFor();

      expect(elsewhere).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
