/** @type {import('next').NextConfig} */
const nextConfig = {
  // The embedded runtime is started from instrumentation.ts; no custom server is needed.
  poweredByHeader: false,
  // NEXT_DIST_DIR lets two builds of one checkout live side by side (e.g. parallel e2e runs).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Kafka Connect accepts a trailing "/" on every REST path; Next would redirect it (308) first.
  skipTrailingSlashRedirect: true,
  // Traces shown in the console stay readable, and plugin class names (task classes, for
  // example) are not mangled; error classes declare their names themselves as well. Server
  // source maps let traces name source files (instrumentation.ts turns Node's support on).
  // proxy.ts makes Next buffer request bodies, cut at this size: one byte over Tributary's own
  // limit (TRIBUTARY_MAX_BODY_BYTES, default 1 MiB) lets the route answer 413 instead of reading
  // a silently truncated body.
  experimental: { serverMinification: false, serverSourceMaps: true, proxyClientMaxBodySize: (Number(process.env.TRIBUTARY_MAX_BODY_BYTES) || 1048576) + 1 },
  // Loaded from node_modules at run time, not bundled: it loads native and WebAssembly helpers
  // (CRC32C, snappy, lz4) by path, which a bundle cannot place.
  serverExternalPackages: ["@platformatic/kafka"],
};

export default nextConfig;
