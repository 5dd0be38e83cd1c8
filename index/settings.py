"""The one settings object: read once from POLICYQA_* variables and passed down."""
from __future__ import annotations

import json
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_CORPUS = Path(__file__).resolve().parents[1] / "corpus"
CALIBRATION_FILE = "calibration.json"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="POLICYQA_", frozen=True, extra="ignore")

    home: Path = Field(Path(".policyqa"), description="Where the index, feedback and calibration live")
    corpus_dir: Path = Field(PROJECT_CORPUS, description="Documents indexed on first use")
    embedder: str = Field("e5-small-q4", description="`e5-small-q4` (bundled) or `st:<model name or path>`")
    collection: str = Field("policyqa", description="Chroma collection name")
    chunk_size: int = Field(260, ge=50, description="Target chunk length in characters")
    top_k: int = Field(5, ge=1, description="Chunks retrieved per question")
    rrf_k: int = Field(60, ge=1, description="Reciprocal rank fusion constant")
    refusal_threshold: float = Field(0.2, description="Minimum evidence score to answer (calibrated on the dev split)")
    threads: int = Field(2, ge=1, description="CPU threads of the embedding engine")
    llm_base_url: str | None = Field(None, description="OpenAI-compatible endpoint; unset = extractive answers")
    llm_model: str = Field("gpt-4o-mini", description="Model name sent to the LLM endpoint")
    llm_api_key: str = Field("not-needed", description="API key for the LLM endpoint (never sent to browsers)")
    host: str = Field("127.0.0.1", description="Address the web app listens on")
    port: int = Field(7860, description="Port of the web app")
    allowed_origins: str = Field("", description="Comma-separated origins allowed to embed the widget")
    concurrency_limit: int = Field(2, ge=1, description="Questions answered at once by the web app")
    max_queue: int = Field(16, ge=1, description="Questions waiting before the app answers 'busy'")

    @property
    def chroma_dir(self) -> Path:
        return self.home / "chroma"

    @property
    def origins(self) -> list[str]:
        return [o.strip().rstrip("/") for o in self.allowed_origins.split(",") if o.strip()]


def load_settings(**overrides) -> Settings:
    """Environment and overrides win; a threshold stored by `policyqa calibrate` fills in otherwise."""
    settings = Settings(**overrides)
    calibration = settings.home / CALIBRATION_FILE
    if "refusal_threshold" not in settings.model_fields_set and calibration.is_file():
        stored = json.loads(calibration.read_text(encoding="utf-8"))
        settings = settings.model_copy(update={"refusal_threshold": float(stored["refusal_threshold"])})
    return settings
