"""Incremental ingest: unchanged files are skipped, changed ones replaced, missing ones pruned."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .chunking import CHUNKING_VERSION, chunk_text
from .errors import DocumentError
from .loaders import find_documents, load_document
from .store import Store


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[DocumentError] = field(default_factory=list)
    chunks: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)

    def summary(self) -> str:
        parts = [f"{len(self.added)} added", f"{len(self.updated)} updated", f"{len(self.unchanged)} unchanged",
                 f"{len(self.removed)} removed", f"{len(self.failed)} failed", f"{self.chunks} chunks in the index"]
        return ", ".join(parts)


# progress(files done, files in all, name of the file just done), called after each file
Progress = Callable[[int, int, str], None]


def ingest(store: Store, paths: list[Path], chunk_size: int, prune: bool = False, reset: bool = False,
           progress: Progress | None = None) -> IngestReport:
    """Bring the store in line with the documents under `paths`; bad files are reported, never fatal."""
    if reset:
        store.reset()
    files, problems = find_documents(paths)
    report = IngestReport(failed=list(problems))
    known = store.documents()
    seen = set()
    for number, (path, name) in enumerate(files, 1):
        seen.add(name)
        _sync_file(store, path, name, known.get(name), chunk_size, report)
        if progress:  # after the file, so that a full bar means the work is done
            progress(number, len(files), name)
    if prune:
        for name in sorted(set(known) - seen):
            store.delete_document(name)
            report.removed.append(name)
    report.chunks = sum(len(r.chunk_ids) for r in store.documents().values())
    return report


def _sync_file(store: Store, path: Path, name: str, previous, chunk_size: int, report: IngestReport) -> None:
    try:
        loaded = load_document(path, name)
    except DocumentError as error:
        report.failed.append(error)
        return
    # Unchanged only if the same text was cut the way this version cuts it.
    if previous and previous.sha256 == loaded.sha256 and previous.chunking == CHUNKING_VERSION:
        report.unchanged.append(name)
        return
    chunks = chunk_text(loaded.text, name, chunk_size)
    store.put_document(name, str(path.resolve()), loaded.sha256, loaded.text, chunks, loaded.encoding,
                       CHUNKING_VERSION)
    (report.updated if previous else report.added).append(name)
