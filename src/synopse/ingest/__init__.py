"""Ingest: files, directories, URLs, feeds and stdin become raw documents (one per article)."""

from synopse.ingest.dispatch import read_paths, reader_for
from synopse.ingest.files import RawDocument, discover, read_document

__all__ = ["RawDocument", "discover", "read_document", "read_paths", "reader_for"]
