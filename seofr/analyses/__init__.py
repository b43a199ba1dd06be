"""Analyses of a document that several rules read, computed once by the Context.

A rule never imports another rule: what two rules share lives here, is built
lazily by :class:`seofr.context.Context` and is declared through ``needs``.
"""
