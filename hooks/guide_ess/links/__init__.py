"""Page addresses and the link graph computed from the corpus."""
