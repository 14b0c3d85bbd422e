"""Sources: where articles come from on the network (web pages and feeds).

Modules:
    http     the one HTTP client (httpx): limits, content types, one clear line per failure kind
    web      a fetched page -> Article (decoding, trafilatura via reader.ingest), the original kept
    feeds    feed bytes -> FeedData (feedparser), feed discovery in an HTML page, full-text rules
    opml     OPML 2.0 read (lxml, no entity expansion) and write
    urls     URL normalisation (courlan: tracking parameters dropped)

No module here touches the store: the Library and the services (reader.services.sources) do.
"""
