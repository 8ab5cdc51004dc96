"""fedsite: static multilingual websites for grassroots women's federations.

The engine is plain Python and never imports MkDocs; fedsite.plugin (the MkDocs plugin,
`plugins: - fedsite`) is the one module that does, and connects it to the build.
"""

__version__ = "0.2.0"
