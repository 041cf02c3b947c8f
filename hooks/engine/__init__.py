"""The engine adapter: the one place that knows MkDocs, Material and Pagefind.

``hooks/mkdocs_hooks.py`` (the file mkdocs.yml names) delegates each MkDocs event
in one line to :class:`build.Build`, created afresh for every build by
``on_config``; its methods delegate to one module per job:

- ``build``: the state of one build and the order of its steps; the content itself is the core's
  one call, ``guide_ess.core.build_site`` (the only part of the core the engine imports);
- ``verify``: the contributors' quick check (``tools/verifier.py``): a strict build, its problems;
- ``front_matter``: hands MkDocs the front matter the core has already read;
- ``headings``: ids, permalinks and table-of-contents entries of generated headings;
- ``orphans``: pages reached by neither the menu nor a link;
- ``links``: MkDocs' warnings about links and anchors, told in French at the link's line;
- ``search``: what the search indexes, and Pagefind's index of the built site (online and file://);
- ``memory``, ``scratch_files``: what the build lets go of before Pagefind runs (freed memory, the extra files);
- ``theme_markup``: valid markup where Material hard-codes it;
- ``menus``: what awesome-pages' ``.pages`` files say;
- ``report``: content problems told to the contributor;
- ``material``: versions, end of life, event priorities and copied templates: the upgrade checklist.
"""
