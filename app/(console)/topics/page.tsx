import type { Metadata } from "next";
import { TopicList } from "@/components/topics/topic-list";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Topics" };

/** Topics section: every topic of the cluster, each opening its record browser. */
export default function TopicsPage() {
  return (
    <>
      <PageHeader title="Topics" description="Every topic of the cluster. Open one to read its records: newest first, from an offset or a time, searched." />
      <TopicList />
    </>
  );
}
