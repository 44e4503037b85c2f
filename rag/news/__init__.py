"""News-native reading of the evidence, none of it using the LLM: relative dates resolved
against publication dates (`dates`), latest-first ranking (`recency`), disagreements and
changes over time (`conflicts`), and timelines of dated events (`timeline`)."""
