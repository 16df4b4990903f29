"""Reading routine files: YAML with positions, the schema, problems, resolving, the library."""
