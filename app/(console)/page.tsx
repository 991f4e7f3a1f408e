import { redirect } from "next/navigation";

/** `/` has no content of its own: the console opens on the connectors list. */
export default function ConsoleHome(): never {
  redirect("/connectors");
}
