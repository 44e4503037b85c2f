"""The records evidence selection produces live in rag/types.py (they flow through the whole
pipeline); re-exported here for the selector's modules."""

from rag.types import Evidence, EvidenceSet

__all__ = ["Evidence", "EvidenceSet"]
