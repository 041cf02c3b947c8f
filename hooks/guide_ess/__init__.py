"""Core of the Guide ESS build: read and check the content, link it, prepare and render its views.

Nothing in this package imports MkDocs or Material: ``hooks/engine/`` is the only
place that knows them. Sub-packages, in the order the data flows:

- ``content``: front matter, vocabularies, glossary, records of each page kind, the corpus;
- ``links``: page addresses and the link graph (who cites what, what is related);
- ``text``: French typography and acronyms on text and HTML;
- ``views``: data prepared for each generated block and page, rendered by Jinja templates;
- ``kinds``: the registry tying each page kind and index kind to its folder, schema and view, and each
  family of generated pages to its pages;
- ``core``: the public face: :func:`core.build_site`, the one call an engine makes.
"""
