"""Directories of office-holders: who held which office when, read from the formats people share.

Entry point: `parse_directory(text, source)` reads the project's JSON, Popolo JSON or a CSV of
Wikidata query results into `DirectoryPerson`s; `lookup` finds who held an office on a date.
"""

from app.nlp.directory.formats import DirectoryError, parse_directory
from app.nlp.directory.model import DirectoryPerson, DirectoryRole

__all__ = ["DirectoryError", "DirectoryPerson", "DirectoryRole", "parse_directory"]
