"""Heavy resources (dictionaries, number tables, romanisations), each loaded once per process."""
