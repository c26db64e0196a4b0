export type { App } from "./app.js";
export { apiTitle, apiVersion, createApp } from "./app.js";
export { type Config, ConfigSchema, loadConfig } from "./config.js";
export type { AppDeps, AppEnv, Principal } from "./env.js";
export { problem } from "./http.js";
export { jsonLogger, type Logger } from "./logger.js";
export { codeToStatus, Problem, type ProblemCode, problemCodes } from "./problems.js";
