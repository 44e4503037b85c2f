"""Stage 2, the index: Chroma's chunk vectors and article manifest (chroma), the BM25 index kept
in step with it (keyword), and the prompt-injection blanking every passage gets as it leaves the
store (injection)."""
