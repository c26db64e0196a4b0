import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv, DocsAssets } from "./env.js";

/**
 * What the API reference's script is started with: the OpenAPI document of this server, no fonts
 * from elsewhere (Scalar would load them from its own host otherwise) and no chat assistant (it
 * would upload the API description to Scalar). Nothing in the page or its configuration names
 * another host, so `/docs` works in a network without internet access.
 */
const configuration = { url: "/openapi.json", withDefaultFonts: false, agent: { disabled: true } };

const page = (title: string, body: string, lang: string) => `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
  </head>
  <body>
${body}
  </body>
</html>
`;

/**
 * `/docs`: the interactive API reference (Scalar), served entirely by this server. The script
 * comes from the runtime (`docsAssets`); the start script is a file of its own, not inline, so the
 * Content Security Policy needs no `unsafe-inline` for scripts. Without the bundle (the edge entry)
 * the page links the OpenAPI document instead.
 */
export function registerDocs(app: OpenAPIHono<AppEnv>, title: string, docs: DocsAssets | undefined): void {
  if (!docs) {
    app.get("/docs", (c) =>
      c.html(
        page(
          title,
          `    <h1>${title}</h1>
    <p>Die interaktive API-Referenz liefert der Node-Server aus. Die Beschreibung der Schnittstelle: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>
    <p lang="en">The interactive API reference is served by the Node server. The API's description: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>`,
          "de",
        ),
      ),
    );
    return;
  }
  app.get("/docs", (c) => {
    c.header("Cache-Control", "no-cache");
    return c.html(
      page(
        title,
        `    <div id="app"></div>
    <script src="${docs.script}"></script>
    <script src="/docs/start.js"></script>`,
        "en",
      ),
    );
  });
  app.get("/docs/start.js", (c) => {
    c.header("Content-Type", "text/javascript; charset=utf-8");
    c.header("Cache-Control", "no-cache");
    return c.body(`Scalar.createApiReference("#app", ${JSON.stringify(configuration)});\n`);
  });
  app.get("/docs/*", docs.serve);
}
