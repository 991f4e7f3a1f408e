import type { Metadata } from "next";
import { Suspense } from "react";
import { TopicBrowser } from "@/components/topics/topic-browser";
import { Skeleton } from "@/components/ui/skeleton";

/** The route's params: `topic` is one URL segment, still percent-encoded. */
interface TopicPageProps {
  params: Promise<{ topic: string }>;
}

async function topicName(params: TopicPageProps["params"]): Promise<string> {
  const { topic } = await params;
  try {
    return decodeURIComponent(topic);
  } catch {
    return topic;
  }
}

/** The browser tab shows the topic's name. */
export async function generateMetadata({ params }: TopicPageProps): Promise<Metadata> {
  return { title: await topicName(params) };
}

/** One topic's record browser (`/topics/{topic}`); the browse itself is in the query string. */
export default async function TopicPage({ params }: TopicPageProps) {
  const topic = await topicName(params);
  return (
    <Suspense fallback={<Skeleton className="h-48 w-full" />}>
      <TopicBrowser key={topic} topic={topic} />
    </Suspense>
  );
}
