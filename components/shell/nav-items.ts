import type { ComponentType } from "react";
import { ChartIcon, InboxIcon, PackageIcon, PlugIcon, ServerIcon, type IconProps } from "@/components/ui/icons";

/** One entry of the console's main navigation. */
export interface NavItem {
  href: string;
  label: string;
  icon: ComponentType<IconProps>;
}

/** The console's sections, in sidebar order. Each `label` is also the section page's `<h1>`. */
export const navItems: readonly NavItem[] = [
  { href: "/connectors", label: "Connectors", icon: PlugIcon },
  { href: "/plugins", label: "Plugins", icon: PackageIcon },
  { href: "/dead-letters", label: "Dead letters", icon: InboxIcon },
  { href: "/overview", label: "Overview", icon: ChartIcon },
  { href: "/workers", label: "Workers", icon: ServerIcon },
];

/** The nav item whose section contains `pathname` (the item itself or any page below it), if any. */
export function activeNavItem(pathname: string): NavItem | undefined {
  return navItems.find((item) => pathname === item.href || pathname.startsWith(`${item.href}/`));
}
