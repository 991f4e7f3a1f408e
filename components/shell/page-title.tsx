"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { breadcrumbOf } from "./nav-items";

/**
 * The top bar's breadcrumb, derived from the URL: the section (a link, unless it is the page
 * itself), then the page you are on (a connector's or a topic's name, "New connector", "Edit"),
 * the last crumb marked as the current page. A `<nav>`, not a heading: each page renders its own `<h1>`.
 */
export function PageTitle() {
  const crumbs = breadcrumbOf(usePathname());
  return (
    <nav aria-label="Breadcrumb" className="min-w-0">
      <ol className="flex min-w-0 items-center gap-2 text-sm">
        {crumbs.map((crumb, index) => {
          const last = index === crumbs.length - 1;
          return (
            <li key={`${index}-${crumb.label}`} className={`flex min-w-0 items-center gap-2 ${last ? "" : "shrink-0"}`}>
              {index > 0 ? <span aria-hidden="true" className="text-zinc-300 dark:text-zinc-600">/</span> : null}
              {last ? (
                <span aria-current="page" title={crumb.label} className="truncate font-medium text-zinc-900 dark:text-zinc-100">{crumb.label}</span>
              ) : (
                <Link href={crumb.href} className="text-zinc-500 hover:text-zinc-800 dark:text-zinc-400 dark:hover:text-zinc-200">{crumb.label}</Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
