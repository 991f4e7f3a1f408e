import type { Metadata } from "next";
import localFont from "next/font/local";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { themeInitScript } from "@/components/theme/theme-script";
import "./globals.css";

const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  weight: "100 900",
  style: "normal",
  display: "swap",
});

/** Default document title and description; pages set their own title through the template. */
export const metadata: Metadata = {
  title: { default: "Tributary", template: "%s · Tributary" },
  description: "Kafka Connect, rebuilt in TypeScript, with its web console built in.",
};

/**
 * Root layout: the document shell shared by every route. The inline head script sets the theme
 * class before paint, so `<html>` attributes legitimately differ from the server render
 * (hence `suppressHydrationWarning`, which covers that element only).
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" className={inter.variable} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeInitScript }} />
      </head>
      <body className="bg-white font-sans text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
