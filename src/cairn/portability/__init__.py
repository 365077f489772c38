"""A person's data, whole, in one versioned JSON document: written by `export_document`,
loaded by `import_document` (into any Cairn instance, in one transaction). The format is
documented in the README ("Export and import"); `FORMAT` and `VERSION` head every file.

Above planning and accountability in the layers: it reads and writes every app's content,
and the CLI and the site call it."""

from cairn.portability.document import FORMAT, VERSION, checkins_csv, export_document
from cairn.portability.load import DocumentError, ImportReport, import_document

__all__ = [
    "FORMAT",
    "VERSION",
    "DocumentError",
    "ImportReport",
    "checkins_csv",
    "export_document",
    "import_document",
]
