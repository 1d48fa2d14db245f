"""NLP: the one spaCy pipeline (loaded once per process) and article text mapping."""
