import type { ComponentType } from "react";
import { ChartIcon, ClipboardIcon, InboxIcon, KeyIcon, PackageIcon, PlugIcon, RowsIcon, ServerIcon, UsersIcon, type IconProps } from "@/components/ui/icons";

/** One entry of the console's main navigation. */
export interface NavItem {
  href: string;
  label: string;
  icon: ComponentType<IconProps>;
  /** Shown only to admins (the role on `*`) when login is on. */
  adminOnly?: boolean;
}

/** The console's sections, in sidebar order. Each `label` is also the section page's `<h1>`. */
export const navItems: readonly NavItem[] = [
  { href: "/connectors", label: "Connectors", icon: PlugIcon },
  { href: "/topics", label: "Topics", icon: RowsIcon },
  { href: "/plugins", label: "Plugins", icon: PackageIcon },
  { href: "/dead-letters", label: "Dead letters", icon: InboxIcon },
  { href: "/overview", label: "Overview", icon: ChartIcon },
  { href: "/workers", label: "Workers", icon: ServerIcon },
  { href: "/audit", label: "Audit log", icon: ClipboardIcon, adminOnly: true },
];

/** The sidebar's Settings group, shown only while signed in: the user's own pages, below the sections. Not in the command palette. */
export const settingsNavItems: readonly NavItem[] = [
  { href: "/settings/tokens", label: "API tokens", icon: KeyIcon },
  { href: "/settings/users", label: "Users", icon: UsersIcon, adminOnly: true },
];

/** The nav item (a section or a settings page) whose part of the console contains `pathname` (the item itself or any page below it), if any. */
export function activeNavItem(pathname: string): NavItem | undefined {
  return [...navItems, ...settingsNavItems].find((item) => pathname === item.href || pathname.startsWith(`${item.href}/`));
}

/** One step of the breadcrumb: what it says and where it leads. */
export interface Crumb {
  label: string;
  href: string;
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The breadcrumb of a console URL: "Console" off any section; the section; then the page below
 * it by name (`/connectors/new` → "New connector", `/connectors/x` → "x", `/connectors/x/edit` →
 * "x", "Edit"; `/topics/t` → "t"). Pure.
 */
export function breadcrumbOf(pathname: string): Crumb[] {
  const section = activeNavItem(pathname);
  if (!section) return [{ label: "Console", href: "/" }];
  const crumbs: Crumb[] = [{ label: section.label, href: section.href }];
  const rest = pathname.slice(section.href.length).split("/").filter(Boolean);
  if (section.href === "/connectors" && rest[0] === "new") return [...crumbs, { label: "New connector", href: pathname }];
  let href = section.href;
  for (const [index, segment] of rest.entries()) {
    href = `${href}/${segment}`;
    crumbs.push({ label: index > 0 && segment === "edit" ? "Edit" : decoded(segment), href });
  }
  return crumbs;
}
