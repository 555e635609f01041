"""The HTTP API and the web page, read-only over the store."""
