"""An OpenAI-compatible chat endpoint that keeps its citations (`rag api`, or /v1 under `rag serve`).

from rag.api import create_app
app = create_app(Assistant())   # a FastAPI app: POST /v1/chat/completions, GET /v1/models
"""

from rag.api.server import create_app, run
from rag.api.shape import article_url, parse_rag_url

__all__ = ["article_url", "create_app", "parse_rag_url", "run"]
