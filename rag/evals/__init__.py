"""The eval harness: suites of labelled questions, offline metrics, variant comparison and gating.

    rag eval evals/suites/seed.yaml --prompt prompts/answer.v1.yaml --prompt prompts/answer.v2.yaml

`suite` loads and validates suite files, `metrics` holds the pure metric functions, `cache`
the on-disk model-response cache, `runner` runs a suite with one settings variant, `compare`
aggregates, compares variants and gates, `report` writes the table, JSON, JUnit XML and HTML,
`judge` is the optional LLM judge.
"""
