/**
 * The plugin object, for eslint-doc-generator. The generator require()s the plugin's folder; on Node
 * ≥ 20.19 require() of our ES module entry returns its namespace (the default export beside the named
 * ones), where the generator finds no `rules` and stops. This folder's package.json points it here instead.
 */
module.exports = require("../../dist/src/index.js").default;
