export { federalStates } from "./common.js";
export * from "./hsds.js";
export * from "./hsds-import.js";
export * from "./oparl.js";
export * from "./transfer.js";
