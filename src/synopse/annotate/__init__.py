"""Linguistic annotation: sentences, tokens, entities, quotes, times and quantities."""
