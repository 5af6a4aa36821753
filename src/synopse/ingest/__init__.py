"""Ingest: turn files and directories into raw documents (one per article)."""

from synopse.ingest.files import RawDocument, discover, read_document, read_paths

__all__ = ["RawDocument", "discover", "read_document", "read_paths"]
