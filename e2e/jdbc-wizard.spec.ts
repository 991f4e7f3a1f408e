import { expect, test } from "@playwright/test";
import { jdbcUrl, psql, startPostgres, stopPostgres, type PostgresInstance } from "../scripts/postgres/local-postgres";

/**
 * The JDBC source in the wizard on a real PostgreSQL cluster: its ConfigDef's groups
 * (Database, Mode, Connector), the password masked, and "Test connection" on the Database group
 * answering with the tables the connector would read, or why it cannot log in.
 */
const name = `e2e-jdbc-${Date.now()}`;
let pg: PostgresInstance;

test.beforeAll(async () => {
  pg = await startPostgres({ name, port: "auto" });
  psql(pg, "CREATE TABLE customers (id serial PRIMARY KEY, name text NOT NULL); CREATE TABLE orders (id serial PRIMARY KEY, customer int NOT NULL);");
});
test.afterAll(async () => {
  await stopPostgres(name, { remove: true });
});

test("the JDBC source's connection group tests the connection, with the password masked", async ({ page }) => {
  await page.goto("/connectors/new");
  await page.getByRole("list", { name: "Connector plugins" }).getByRole("button", { name: "JdbcSourceConnector", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Settings", exact: true })).toBeVisible();
  for (const group of ["Database", "Mode", "Connector"]) await expect(page.getByRole("heading", { level: 3, name: group, exact: true })).toBeVisible({ timeout: 15_000 });

  await page.getByRole("textbox", { name: "JDBC URL (required)" }).fill(jdbcUrl(pg));
  await page.getByRole("textbox", { name: "JDBC User" }).fill(pg.user);
  const password = page.getByLabel("JDBC Password");
  await expect(password).toHaveAttribute("type", "password");
  await password.fill("not-the-password");
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByRole("status").filter({ hasText: "PostgreSQL refused the login" })).toContainText("Check the user and password.", { timeout: 20_000 });
  await expect(page.getByText("not-the-password")).toHaveCount(0);

  await password.fill(pg.password);
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Connected to PostgreSQL" })).toContainText("2 tables selected: public.customers, public.orders.", { timeout: 20_000 });
  const size = page.viewportSize()!;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, height) });
  await page.screenshot({ path: "e2e/screenshots/jdbc-source-wizard.png" });
});
