"""Measuring the assistant on gold Q&A sets: `from qa.evaluation import run_evaluation, write_report`.

Kept import-light like `qa`: numpy, matplotlib and LangChain load when a name is first used.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .gold import GoldQuestion, check_gold, load_gold
    from .metrics import Metrics, Prediction
    from .report import write_report
    from .runner import EvalResult, run_evaluation

_WHERE = {
    "run_evaluation": "runner", "EvalResult": "runner",
    "Prediction": "metrics", "Metrics": "metrics",
    "write_report": "report",
    "load_gold": "gold", "check_gold": "gold", "GoldQuestion": "gold",
}

__all__ = ["EvalResult", "GoldQuestion", "Metrics", "Prediction", "check_gold", "load_gold", "run_evaluation",
           "write_report"]


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(name)
    from importlib import import_module

    return getattr(import_module(f".{_WHERE[name]}", __name__), name)
