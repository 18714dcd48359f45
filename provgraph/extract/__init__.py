"""Text -> model: one module per step, composed by `pipeline`."""

# Which reads the spans: "model" (the tagger trained on PolNeAR, the rules its features) or "rules".
ENGINES = ("model", "rules")
DEFAULT_ENGINE = "model"
