// The smoke suite against the Node server (dist/entry/node.js) in a child process.
import { startNode } from "./servers.js";
import { smokeSuite } from "./smoke.js";

smokeSuite("the Node entry", (databaseUrl) => startNode(databaseUrl));
