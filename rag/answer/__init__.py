"""Stage 5, the answer: the chain (chain) renders a versioned prompt (prompts) for the LLM (llm),
parses its citations (cite) and checks every sentence against what it cites (guard, support)."""
