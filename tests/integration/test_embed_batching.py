"""Batched embedding with the real model gives each text the vector it gets on its own."""

from __future__ import annotations

import numpy as np
import pytest

pytestmark = pytest.mark.integration


def test_batches_sorted_by_length_come_back_in_input_order(real_embeddings):
    # sentence-transformers sorts each call's texts by length to cut padding, then restores the
    # order; mixed lengths in one call must still map to their own vectors.
    texts = [
        "Short.",
        "A much longer sentence about harbour cranes, grain exports and the ceasefire talks in Istanbul " * 4,
        "Medium length text on oblasts.",
        "Ceasefire.",
    ]
    together = np.array(real_embeddings.embed_documents(texts))
    alone = np.array([real_embeddings.embed_documents([t])[0] for t in texts])
    assert together.shape == (4, real_embeddings.dimension)
    assert np.allclose(together, alone, atol=1e-5)
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)
    # different texts really are different vectors: a mix-up would fail the check above
    assert float(together[0] @ together[1]) < 0.9
