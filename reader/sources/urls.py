"""URL normalisation: one canonical form per article address (courlan, which trafilatura brings).

    canonical(url) -> str   # scheme and host lower-cased, default port, tracking parameters
                            # (utm_*, fbclid, gclid...) dropped, query sorted, fragment dropped
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit


def canonical(url: str) -> str:
    url = (url or "").strip()
    if not url:
        return url
    try:
        from courlan import normalize_url

        norm = normalize_url(url, strict=False)
    except Exception:  # courlan refuses some odd addresses: keep them as given
        norm = url
    parts = urlsplit(norm)
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


def is_web(url: str | None) -> bool:
    return bool(url) and urlsplit(url or "").scheme.lower() in ("http", "https")
