"""Stage 1, ingestion: files -> `Article` (readers) -> `Chunk`s (chunk) -> vectors (embed),
written to the store by the `Ingestor` (pipeline)."""
