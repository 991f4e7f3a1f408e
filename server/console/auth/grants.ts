/**
 * The grant rules, shared with the console's browser code: they live in server/contracts so
 * both sides decide "may this user do that" the same way. Re-exported here for server callers.
 */
export { atLeast, patternMatches, roleOn, roleOnAll, roleOnAny, roleRank } from "@/server/contracts/auth-grants";
