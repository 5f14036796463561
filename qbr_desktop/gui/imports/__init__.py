"""Importing CRM and usage exports: the column-mapping dialog and its preview."""
