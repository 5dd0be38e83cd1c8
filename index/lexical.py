"""BM25 over jieba tokens (bm25s), rebuilt from the store whenever the store's chunk set changes."""
from __future__ import annotations

import hashlib
import json
import logging
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from .chunking import Chunk

_WORD = re.compile(r"[\w\u3400-\u9fff]", re.UNICODE)
STOPWORDS = frozenset(
    "的 了 是 在 和 与 及 或 等 对 为 将 把 被 从 以 于 就 也 都 而 并 其 之 这 那 个 吗 呢 吧 啊 呀 么 "
    "什么 哪 哪些 哪个 哪里 多少 几 怎么 怎样 如何 是否 有 有没有 谁 何 请问 一个 一下 可以 能 会 要".split()
)


# Terms of the policy domain that jieba's general dictionary splits apart.
DOMAIN_WORDS = ("区块链", "数字经济", "自贸港", "自由贸易港", "新基建", "人工智能", "云计算", "大数据")
# Words of policy texts that jieba's dictionary files as names: 新建 ("newly built") as the county 新建,
# which made every question about 新建项目 look like one about a place the documents never name.
RETAGGED = {"新建": "v"}


# jieba is one tokenizer per process; where it caches its dictionary is set once, before first use.
_jieba_cache_dir: list[Path] = []


def keep_jieba_cache_in(directory: Path) -> None:
    """Put jieba's dictionary cache under POLICYQA_HOME instead of the system temp directory."""
    if not _jieba_cache_dir:
        _jieba_cache_dir.append(Path(directory))


@lru_cache(maxsize=1)
def load_jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)  # its start-up banner is noise on every CLI call
    if _jieba_cache_dir:
        _jieba_cache_dir[0].mkdir(parents=True, exist_ok=True)
        jieba.dt.tmp_dir = str(_jieba_cache_dir[0])
    jieba.initialize()
    for word in DOMAIN_WORDS:
        jieba.add_word(word, tag="n")
    for word, tag in RETAGGED.items():
        jieba.add_word(word, freq=jieba.dt.FREQ.get(word), tag=tag)
    return jieba


def tokenize(text: str) -> list[str]:
    """Search-mode jieba tokens (long words and their parts), lower-cased, without stopwords and punctuation."""
    tokens = (t.strip().lower() for t in load_jieba().cut_for_search(text))
    return [t for t in tokens if t and t not in STOPWORDS and _WORD.search(t)]


@dataclass
class LexicalIndex:
    ids: list[str]
    model: object  # bm25s.BM25
    doc_freqs: dict[str, int]

    def idf(self, token: str) -> float:
        """BM25's idf; a word found nowhere weighs most, as it is what the question hinges on."""
        n = max(len(self.ids), 1)
        df = self.doc_freqs.get(token, 0)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        if not self.ids:
            return []
        vocab = self.model.vocab_dict
        tokens = [t for t in tokenize(query) if t in vocab]
        if not tokens or not self.ids:
            return []
        scores = self.model.get_scores(tokens)
        order = np.argsort(-scores)[:k]
        return [(self.ids[i], float(scores[i])) for i in order if scores[i] > 0]


def fingerprint(chunk_ids) -> str:
    return hashlib.sha1("\n".join(sorted(chunk_ids)).encode()).hexdigest()


def build(chunks: list[Chunk]) -> LexicalIndex:
    import bm25s

    model = bm25s.BM25()
    tokens = [tokenize(f"{c.section}\n{c.text}") or ["∅"] for c in chunks]
    if chunks:
        model.index(tokens, show_progress=False)
    doc_freqs: dict[str, int] = {}
    for chunk_tokens in tokens:
        for token in set(chunk_tokens):
            doc_freqs[token] = doc_freqs.get(token, 0) + 1
    return LexicalIndex([c.id for c in chunks], model, doc_freqs)


def load_or_build(folder: Path, chunks_fn, chunk_ids) -> LexicalIndex:
    """The saved index if it was built from exactly these chunk ids, else a fresh one (saved)."""
    import bm25s

    key = fingerprint(chunk_ids)
    meta = folder / "ids.json"
    if meta.is_file():
        saved = json.loads(meta.read_text(encoding="utf-8"))
        if saved.get("fingerprint") == key and saved["ids"]:
            return LexicalIndex(saved["ids"], bm25s.BM25.load(str(folder)), saved["doc_freqs"])
    index = build(chunks_fn())
    if index.ids:
        folder.mkdir(parents=True, exist_ok=True)
        index.model.save(str(folder), show_progress=False)
        meta.write_text(json.dumps({"fingerprint": key, "ids": index.ids, "doc_freqs": index.doc_freqs}, ensure_ascii=False), encoding="utf-8")
    return index
