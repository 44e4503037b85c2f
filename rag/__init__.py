"""Question answering over news articles, with every claim cited to its passage.

from rag import Assistant
assistant = Assistant()
assistant.ingest("corpus/")
print(assistant.ask("Which oblasts did Putin demand?").text)
"""

from rag.assistant import Assistant
from rag.errors import RagError
from rag.settings import Settings
from rag.types import Answer, Article, ArticleInfo, Citation, IngestReport, Passage, Token

__all__ = [
    "Answer",
    "Article",
    "ArticleInfo",
    "Assistant",
    "Citation",
    "IngestReport",
    "Passage",
    "RagError",
    "Settings",
    "Token",
]
