/** @type {import('next').NextConfig} */
const nextConfig = {
  // The embedded runtime is started from instrumentation.ts; no custom server is needed.
  poweredByHeader: false,
  // Kafka Connect accepts a trailing "/" on every REST path; Next would redirect it (308) first.
  skipTrailingSlashRedirect: true,
};

export default nextConfig;
