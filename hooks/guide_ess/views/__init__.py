"""The views: data prepared in Python for each generated block and page, rendered by Jinja templates.

A view function reads the corpus and the link graph (:class:`model.Site`) and
returns :class:`model.Blocks`: the template to render before and after a page's
own text, and the data it needs. Links are :class:`model.Link` values in that data;
the core collects them from it (:func:`model.link_targets`): each must reach a page of
the site (``guide_ess.core.dead_links``), and the engine's orphan check counts them.
Templates live in ``templates/`` and escape every value (autoescape); a template
of the same name in ``overrides/guide_ess/`` replaces it.
"""
