"""Evidence selection: the sentences of the retrieved passages that answer the question."""

from rag.evidence.selector import EvidenceSelector
from rag.evidence.types import Evidence, EvidenceSet

__all__ = ["Evidence", "EvidenceSelector", "EvidenceSet"]
