"""Errors in OpenAI's shape: {"error": {"message", "type", "param", "code"}}, one line saying how to fix it."""

from __future__ import annotations

import logging
from typing import Any

from rag.errors import QuestionError, RagError

_log = logging.getLogger("rag.api")

_TYPES = {
    400: ("invalid_request_error", "invalid_request"),
    401: ("authentication_error", "invalid_api_key"),
    404: ("invalid_request_error", "not_found"),
    405: ("invalid_request_error", "method_not_allowed"),
    413: ("invalid_request_error", "request_too_large"),
    500: ("server_error", "internal_error"),
    503: ("server_error", "service_unavailable"),
}


class ApiError(Exception):
    """A request the endpoint refuses or cannot serve; `status` is the HTTP status."""

    def __init__(self, status: int, message: str, param: str | None = None, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = " ".join(message.split())  # one line
        self.param = param
        self.code = code or _TYPES.get(status, _TYPES[500])[1]

    def body(self) -> dict[str, Any]:
        kind = _TYPES.get(self.status, _TYPES[500])[0]
        return {"error": {"message": self.message, "type": kind, "param": self.param, "code": self.code}}


def from_exception(e: Exception) -> ApiError:
    """The status a failure deserves: the question's fault is 400, the server's state 503."""
    if isinstance(e, ApiError):
        return e
    if isinstance(e, QuestionError):
        return ApiError(400, str(e), "messages")
    if isinstance(e, RagError):  # index not built, store or model unavailable, configuration
        return ApiError(503, str(e))
    # The message sends the client to the log: the traceback must be there (explore9 H2 found none).
    _log.error("Failed to answer a request", exc_info=e)
    return ApiError(500, f"The server failed to answer ({type(e).__name__}); see its log, then retry.")
