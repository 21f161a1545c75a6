"""sitrep's one error hierarchy. Every message names what failed and what the user can do.

    SitrepError
    ├── InputError        a document that cannot be read (named, with the reason); the run goes on
    ├── ConfigError       a setting or option that makes no sense
    ├── GazetteerError    the place index is missing, corrupt or cannot be built
    └── StoreError        the database cannot be opened or written
"""

from __future__ import annotations


class SitrepError(Exception):
    """Base of every error sitrep raises on purpose."""


class InputError(SitrepError):
    def __init__(self, document: str, reason: str) -> None:
        super().__init__(f"{document}: {reason}")
        self.document = document
        self.reason = reason


class ConfigError(SitrepError):
    pass


class GazetteerError(SitrepError):
    pass


class StoreError(SitrepError):
    pass
