namespace Autoscaler.Scrape.Benchmarks;

/// <summary>One run: targets reporting, what a scrape cost, and the managed heap the targets' series hold.</summary>
internal sealed record ScrapeResult(
    int Targets, int AgentPools, int Scrapes, long Bytes, int Series, double MeanMs, double P50Ms, double P95Ms, double MaxMs, long HeapBytesAfterFirstScrape);
