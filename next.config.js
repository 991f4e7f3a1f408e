/** @type {import('next').NextConfig} */
const nextConfig = {
  // The embedded runtime is started from instrumentation.ts; no custom server is needed.
  poweredByHeader: false,
};

export default nextConfig;
