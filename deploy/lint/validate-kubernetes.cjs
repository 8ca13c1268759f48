// Validates Kubernetes objects against the schemas kubernetes-models generates from the Kubernetes OpenAPI definitions.
// Input: a JSON array of objects on stdin. Output: one line per object ("valid KIND NAME" or "invalid KIND NAME: ...").
// Exit 0 when every object is valid, 1 otherwise. NODE_PATH must reach the node_modules holding kubernetes-models
// (ensure_deploy_linters in deploy/local/lib.sh installs it under .local/deploy-lint/npm).
"use strict";

const input = require("fs").readFileSync(0, "utf8");
let failed = false;
for (const object of JSON.parse(input)) {
  const { apiVersion = "", kind = "", metadata = {} } = object;
  const label = `${apiVersion} ${kind} ${metadata.name ?? "(unnamed)"}`;
  let Model;
  try {
    // apps/v1 -> kubernetes-models/apps/v1/Deployment; the core group's v1 -> kubernetes-models/v1/Service.
    Model = require(`kubernetes-models/${apiVersion}/${kind}`)[kind];
  } catch {
    Model = undefined;
  }
  if (typeof Model !== "function") {
    console.log(`invalid ${label}: no schema for ${apiVersion} ${kind}`);
    failed = true;
    continue;
  }
  try {
    new Model(object).validate();
    console.log(`valid ${label}`);
  } catch (error) {
    console.log(`invalid ${label}: ${error.message}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
