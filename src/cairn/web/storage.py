"""Static files: hashed, compressed names once `cairn serve` has collected them."""

from __future__ import annotations

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    """Falls back to the plain name when the files were not collected (`cairn manage`,
    benchmarks), instead of failing every page; WhiteNoise then serves them from the apps."""

    def stored_name(self, name: str) -> str:
        try:
            return super().stored_name(name)
        except ValueError:
            return name
