"""Settings from the environment, resolved once in the CLI or app and passed down."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


def cache_dir() -> Path:
    """Where built artefacts (the gazetteer index) live: outside the repository, per user."""
    if os.environ.get("SITREP_CACHE"):
        return Path(os.environ["SITREP_CACHE"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "sitrep"


@dataclass(frozen=True, slots=True)
class Settings:
    db_url: str = "sitrep.db"
    gazetteer_path: Path = Path()
    max_document_chars: int = 2_000_000
    api_token: str | None = None  # write endpoints are off unless a token is configured
    tile_url: str | None = None  # no request leaves the machine unless the user sets one
    cors_origins: tuple[str, ...] = ()

    @classmethod
    def from_env(cls, **overrides: object) -> "Settings":
        env = os.environ
        values: dict[str, object] = {
            "db_url": env.get("SITREP_DB", "sitrep.db"),
            "gazetteer_path": Path(env.get("SITREP_GAZETTEER") or cache_dir() / "gazetteer.sqlite"),
            "max_document_chars": int(env.get("SITREP_MAX_CHARS", "2000000")),
            "api_token": env.get("SITREP_API_TOKEN") or None,
            "tile_url": env.get("SITREP_TILE_URL") or None,
            "cors_origins": tuple(o for o in env.get("SITREP_CORS_ORIGINS", "").split(",") if o),
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]
