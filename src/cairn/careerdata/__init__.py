"""Career knowledge from O*NET 30.1 and BLS OEWS May 2025, packaged with Cairn."""
