"""Every error a user can cause, each with a message that names the problem.

The CLI, UI and API catch PolicyQAError and show `str(error)`; anything else is a bug.
"""


class PolicyQAError(Exception):
    """Base of all errors meant for the user."""


class EmptyQuestion(PolicyQAError):
    def __init__(self) -> None:
        super().__init__("The question is empty: type a question, e.g. 深圳计划到2022年数字经济产业增加值突破多少？")


class DocumentError(PolicyQAError):
    """A file that cannot be read as a document."""

    def __init__(self, path, problem: str) -> None:
        self.path = str(path)
        super().__init__(f"{path}: {problem}")


class PathNotFound(DocumentError):
    def __init__(self, path) -> None:
        super().__init__(path, "no such file or folder")


class UnsupportedFile(DocumentError):
    def __init__(self, path, suffixes) -> None:
        super().__init__(path, f"unsupported file type; supported: {', '.join(sorted(suffixes))}")


class UnreadableFile(DocumentError):
    pass


class EmbedderMismatch(PolicyQAError):
    def __init__(self, built_with: str, dim, requested: str, home) -> None:
        super().__init__(
            f"The index in {home} was built with embedder '{built_with}' ({dim} dimensions), "
            f"not '{requested}'. Run `policyqa ingest --reset` to rebuild it with '{requested}', "
            f"or set POLICYQA_EMBEDDER={built_with}."
        )


class EmbedderUnavailable(PolicyQAError):
    pass


class IndexEmpty(PolicyQAError):
    def __init__(self) -> None:
        super().__init__("The index is empty: run `policyqa ingest PATH` with at least one document.")


class GoldFileError(PolicyQAError):
    pass


class LLMError(PolicyQAError):
    pass
