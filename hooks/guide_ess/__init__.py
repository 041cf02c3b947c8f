"""Core of the Guide ESS build: load, check and cross-link the content.

Nothing in this package imports MkDocs: ``hooks/mkdocs_adapter.py`` is the only
module that talks to MkDocs.
"""
