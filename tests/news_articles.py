"""Three short dated articles for news-aware answers: two outlets give different prisoner counts
for one exchange, a third is later and unrelated (tests/test_news_answers.py, the browser tests)."""

DISAGREEING = [
    {
        "id": "wire-a",
        "title": "Talks in Riyadh",
        "outlet": "Example Wire",
        "published": "2025-03-20",
        "body": "Officials said 40 prisoners were exchanged at the border on Wednesday after the talks in Riyadh. "
        "The delegations are expected to meet again next month.",
    },
    {
        "id": "daily-b",
        "title": "Exchange at the border",
        "outlet": "Example Daily",
        "published": "2025-03-20",
        "body": "The defence ministry said 175 prisoners were exchanged at the border on Wednesday after the talks "
        "in Riyadh. Families gathered at the crossing.",
    },
    {
        "id": "wire-c",
        "title": "Ceasefire monitoring",
        "outlet": "Example Wire",
        "published": "2025-05-02",
        "body": "The monitoring mission now has 300 observers along the front line, the mission said on Friday.",
    },
]
