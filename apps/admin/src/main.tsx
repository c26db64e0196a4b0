import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { httpApi } from "./api/http.js";
import { App } from "./app.js";
import { storedKey } from "./auth/session.js";
import { createI18n } from "./i18n/index.js";
import "./styles.css";

const i18n = createI18n();
const api = httpApi({
  baseUrl: window.location.origin,
  token: storedKey,
  locale: () => i18n.language,
});

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
createRoot(root).render(
  <StrictMode>
    <App api={api} i18n={i18n} />
  </StrictMode>,
);
