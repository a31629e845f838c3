"""Renderings of the analyses: tables (rich, Markdown, CSV), JSON, and the rapport (Markdown,
HTML). Everything here starts from the plain data of kennisgraaf.analysis.findings."""
