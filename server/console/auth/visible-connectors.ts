import type { Principal } from "@/server/contracts/auth";
import { atLeast, roleOn } from "@/server/console/auth/grants";

/**
 * A filter of connector names for lists (the Connect API's `GET /connectors`, the console's
 * notices and events): true for the connectors `principal` may view. Without a principal (no
 * proxy: the headless worker without login, in-process calls) every connector is visible.
 */
export function visibleTo(principal: Principal | undefined): (name: string) => boolean {
  if (!principal) return () => true;
  return (name) => atLeast(roleOn(principal.grants, name), "viewer");
}
