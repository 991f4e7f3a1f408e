/**
 * The project folder: where `prisma/migrations` lives and relative paths start. `TRIBUTARY_HOME`
 * (set by the `tributary` bin to its package root) or else the working directory (Next's).
 */
export function projectHome(): string {
  return process.env.TRIBUTARY_HOME ?? process.cwd();
}
