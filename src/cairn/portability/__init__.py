"""A person's data, whole, in one versioned JSON document: written by
`document.export_document`, loaded by `load.import_document` (into any Cairn instance, in one
transaction). The format is documented in the README ("Export and import").

Above planning and accountability in the layers: it reads and writes every app's content,
and the CLI and the site call it. (A Django app too, for its pages; so this file imports no
models.)"""
