import pkg from "@/package.json" with { type: "json" };

/** The version the built-in plugins report in `/connector-plugins`: Tributary's own. */
export const PLUGIN_VERSION: string = pkg.version;
