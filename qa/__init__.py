"""Answering questions about policy documents: `from qa import Assistant`.

Kept import-light: the Assistant (and through it Chroma and the models) loads on first access.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .assistant import Assistant
    from .types import Answer, Citation

__all__ = ["Assistant", "Answer", "Citation"]


def __getattr__(name: str):
    if name == "Assistant":
        from .assistant import Assistant

        return Assistant
    if name in ("Answer", "Citation"):
        from . import types

        return getattr(types, name)
    raise AttributeError(name)
