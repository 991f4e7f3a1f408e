import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * Module boundaries from DESIGN.md's layout table, enforced with `no-restricted-imports`, so a
 * wrong arrow fails `npm run lint`. Cross-folder imports use the `@/` alias (relative `../`
 * imports are refused inside server/), which keeps these patterns exhaustive.
 *
 * ESLint does not merge one rule's options across config blocks: each block below states the
 * complete list for its files, built from the shared pieces.
 */
const kafkajs = {
  group: ["kafkajs", "kafkajs/*", "@platformatic/kafka", "@platformatic/kafka/*"],
  message: "The Kafka client libraries (kafkajs, @platformatic/kafka) are owned by server/kafka: go through it.",
};
const prisma = {
  group: ["@prisma/*", "better-sqlite3", "**/storage/prisma/generated/**"],
  message: "Prisma is owned by server/storage/prisma and server/console.",
};
const postgres = {
  group: ["/pg", "/pg/*", "/pg-*", "/postgres"],
  message: "The PostgreSQL client is owned by server/plugins/connectors/postgres-client: go through PostgresSession.",
};
const next = { group: ["next", "next/*", "react", "react/*", "react-dom", "react-dom/*"], message: "Next and React belong to app/ and components/, never server/." };
const parentImports = { group: ["../*"], message: "Import across folders with the @/ alias, so module boundaries stay checkable." };
const ui = { group: ["@/app/*", "@/components/*"], message: "server/ never imports the UI." };
const runtimeOnly = {
  group: ["@/server/kafka/*", "@/server/storage/*", "!@/server/storage/contracts", "!@/server/storage/contracts/*", "@/server/http/*", "@/server/boot/*", "@/server/cli/*", "@/server/console/*", "@/server/contracts/*", "pino"],
  message: "server/runtime reaches Kafka through server/runtime/ports.ts and the stores through server/storage/contracts; the composition root (server/boot) wires the implementations.",
};
const componentsOnly = {
  group: ["@/server/*", "!@/server/contracts", "!@/server/contracts/*"],
  message: "components/ may import server/contracts only; everything else goes through the API.",
};
const appOnly = {
  group: ["@/server/runtime/*", "@/server/kafka/*", "@/server/storage/*", "@/server/logging/*"],
  message: "app/ calls server entry points (server/http, server/boot), not the engine's internals.",
};
const leafOnly = {
  group: ["@/server/*", "!@/server/errors/*", "!@/server/contracts", "!@/server/contracts/*"],
  message: "server/errors and server/contracts depend on nothing else in server/ (contracts may use each other).",
};

const builtInOnly = {
  group: ["@/server/*", "!@/server/plugins", "@/server/plugins/*", "!@/server/plugins/api", "!@/server/plugins/connectors", "!@/server/plugins/converters", "!@/server/plugins/transforms"],
  message: "Built-in plugins import server/plugins/api only (and their own folders), exactly as a third-party plugin would.",
};

const kafkaStoresOnly = {
  group: ["@/server/kafka/*"],
  message: "server/storage/kafka reaches Kafka through the TopicLog it declares (topic-log.ts), implemented in server/kafka; the composition root passes it in.",
};

const restrict = (...patterns) => ["error", { patterns }];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".next-*/**", ".cache/**", ".tmp/**", "dist/**", "data/**", "node_modules/**", "server/storage/prisma/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  { files: ["**/*.{ts,tsx,mjs,js}"], rules: { "no-restricted-imports": restrict(kafkajs, prisma, postgres) } },
  { files: ["prisma.config.ts"], rules: { "no-restricted-imports": restrict(kafkajs) } },
  { files: ["server/**/*.ts"], rules: { "no-restricted-imports": restrict(kafkajs, prisma, postgres, next, parentImports, ui) } },
  { files: ["server/kafka/**/*.ts"], rules: { "no-restricted-imports": restrict(prisma, postgres, next, parentImports, ui) } },
  { files: ["server/storage/prisma/**/*.ts", "server/console/**/*.ts"], rules: { "no-restricted-imports": restrict(kafkajs, postgres, next, parentImports, ui) } },
  { files: ["server/storage/kafka/**/*.ts"], rules: { "no-restricted-imports": restrict(kafkajs, prisma, postgres, next, parentImports, ui, kafkaStoresOnly) } },
  { files: ["server/runtime/**/*.ts"], rules: { "no-restricted-imports": restrict(kafkajs, prisma, postgres, next, parentImports, ui, runtimeOnly) } },
  {
    files: ["server/plugins/connectors/**/*.ts", "server/plugins/converters/**/*.ts", "server/plugins/transforms/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: { "no-restricted-imports": restrict(kafkajs, prisma, postgres, next, parentImports, ui, builtInOnly) },
  },
  {
    files: ["server/plugins/connectors/postgres-client/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: { "no-restricted-imports": restrict(kafkajs, prisma, next, parentImports, ui, builtInOnly) },
  },
  { files: ["server/errors/**/*.ts", "server/contracts/**/*.ts"], rules: { "no-restricted-imports": restrict(kafkajs, prisma, postgres, next, parentImports, ui, leafOnly) } },
  { files: ["components/**/*.{ts,tsx}"], rules: { "no-restricted-imports": restrict(kafkajs, prisma, postgres, componentsOnly) } },
  { files: ["app/**/*.{ts,tsx}"], rules: { "no-restricted-imports": restrict(kafkajs, prisma, postgres, appOnly) } },
  // Tests check through the real parts (a SQLite file, the memory stores); kafkajs stays in server/kafka.
  { files: ["**/*.test.ts"], rules: { "no-restricted-imports": restrict(kafkajs, postgres, parentImports) } },
  { files: ["server/kafka/**/*.test.ts"], rules: { "no-restricted-imports": restrict(postgres, parentImports) } },
  {
    files: ["**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
];

export default config;
