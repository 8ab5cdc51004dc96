"""`fedsite audit`: the quality walk any site can run on its built pages (see command.py)."""
