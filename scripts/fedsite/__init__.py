"""The site's data engine: plain Python, no MkDocs import.

scripts/mkdocs_hook.py connects it to the build.
"""
