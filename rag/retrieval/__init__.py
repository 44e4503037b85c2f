"""Stage 3, retrieval: a question -> ranked `Passage`s. `HybridRetriever` (hybrid) fuses BM25 and
dense candidates (fusion), reads dates and outlets in the question (news_query), optionally
re-ranks (rerank); `Filters` (filters) restrict by outlet and date."""
