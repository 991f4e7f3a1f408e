"use client";

import { useCallback } from "react";
import { can, type Action, type Permission, type Target } from "@/components/auth/can";
import { useSession } from "@/components/queries/session";

/**
 * The signed-in user's permissions as a function: `can(action, target?)` answers whether a
 * button may act, and why not (see `can` in components/auth/can.ts for the rules). Re-renders
 * when the session is read.
 */
export function useCan(): (action: Action, target?: Target) => Permission {
  const session = useSession().data;
  return useCallback((action: Action, target?: Target) => can(session, action, target), [session]);
}
