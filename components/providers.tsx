"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { LiveEventsProvider } from "@/components/queries/live-events";
import { ThemeProvider } from "@/components/theme/theme-provider";

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: 1, staleTime: 2_000 },
    },
  });
}

/**
 * Client-side context for the whole app: one React Query client per browser session (created
 * once per mount, never shared between server requests), the theme provider and the live event
 * stream. Rendered once by the root layout.
 */
export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <ThemeProvider>
        <LiveEventsProvider>{children}</LiveEventsProvider>
      </ThemeProvider>
    </QueryClientProvider>
  );
}
