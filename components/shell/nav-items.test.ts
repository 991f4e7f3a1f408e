import { describe, expect, it } from "vitest";
import { breadcrumbOf } from "@/components/shell/nav-items";

describe("the breadcrumb", () => {
  it("names the section and the page you are on", () => {
    expect(breadcrumbOf("/connectors")).toEqual([{ label: "Connectors", href: "/connectors" }]);
    expect(breadcrumbOf("/connectors/new").map((c) => c.label)).toEqual(["Connectors", "New connector"]);
    expect(breadcrumbOf("/connectors/orders%20sink")).toEqual([
      { label: "Connectors", href: "/connectors" },
      { label: "orders sink", href: "/connectors/orders%20sink" },
    ]);
    expect(breadcrumbOf("/connectors/files/edit").map((c) => c.label)).toEqual(["Connectors", "files", "Edit"]);
    expect(breadcrumbOf("/topics/lines").map((c) => c.label)).toEqual(["Topics", "lines"]);
    expect(breadcrumbOf("/")).toEqual([{ label: "Console", href: "/" }]);
  });
});
